import { z } from 'zod';
import { ACTIONS, ROLES } from '../permissions.js';

/**
 * Shapes of what the access routes accept and answer. Inputs are strict (unknown fields are a 400);
 * outputs are allowlists: a field not named here never leaves the server (password hashes, TOTP
 * secrets and API key hashes have no place in them).
 */
const AssignableRole = z.enum(ROLES.filter((r) => r !== 'security_admin') as [Exclude<(typeof ROLES)[number], 'security_admin'>, ...Exclude<(typeof ROLES)[number], 'security_admin'>[]]);

export const AssignmentIn = z.strictObject({ brandId: z.uuid(), role: AssignableRole });
export const AssignmentOut = z.object({ brandId: z.string(), brandName: z.string(), role: z.enum(ROLES) });

export const AuthStepOut = z.object({
  status: z.enum(['ok', 'mfa_required', 'mfa_enrollment_required', 'password_change_required']),
  methods: z.array(z.enum(['totp', 'webauthn', 'recovery'])).optional(),
});

export const BrandOut = z.object({ id: z.string(), name: z.string(), agentMfaRequired: z.boolean(), createdAt: z.date() });

export const UserOut = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  isSecurityAdmin: z.boolean(),
  locked: z.boolean(),
  suspended: z.boolean(),
  mfaEnrolled: z.boolean(),
  assignments: z.array(AssignmentOut),
});

export const ApiKeyOut = z.object({
  id: z.string(),
  brandId: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.enum(ACTIONS)),
  expiresAt: z.date(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
  createdAt: z.date(),
});

/** Codes people type: TOTP (6 digits) or a recovery code; the service checks the format. */
export const Code = z.string().min(1).max(64);
export const Email = z.string().trim().min(3).max(320).pipe(z.email());
export const Password = z.string().min(1).max(1024);
