/**
 * Scopes an integration key can be given. The server decides what each one allows and refuses
 * any it does not know; this list only feeds the checkboxes.
 */
export const API_KEY_SCOPES = ['brand.read', 'audit.read', 'audit.verify', 'audit.export'] as const;
