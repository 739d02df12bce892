import { ACTIONS } from '../types.js';

/**
 * Scopes an integration key can be given: the actions of the role table. The server decides what
 * each one allows and refuses any it does not know; this list only feeds the checkboxes.
 */
export const API_KEY_SCOPES: readonly string[] = ACTIONS;
