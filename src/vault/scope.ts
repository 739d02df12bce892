import { vaultErrors } from './errors.js';
import type { KeyPurpose, KeyScope } from './types.js';

// Brand ids are UUIDs in callvault; the pattern is looser so other id schemes still work, but it
// excludes separators so a scope string cannot be confused with another one.
const BRAND_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const SYSTEM_SCOPE = 'system';

/** The stable string a scope is stored and bound under: `system`, `brand:<id>` or `payment:<id>`. */
export function scopeKey(scope: KeyScope): string {
  if ('system' in scope) return SYSTEM_SCOPE;
  if (!BRAND_ID.test(scope.brandId)) throw vaultErrors.invalid_scope();
  return scope.purpose === 'payment' ? `payment:${scope.brandId}` : `brand:${scope.brandId}`;
}

/** A brand's payment key: card numbers and tokens, never anything else. */
export function paymentScope(brandId: string): KeyScope {
  return { brandId, purpose: 'payment' };
}

/** Which purpose a scope's key serves (the system scope is a data key). */
export function purposeOf(scope: KeyScope): KeyPurpose {
  return 'brandId' in scope && scope.purpose === 'payment' ? 'payment' : 'data';
}

export function brandScope(brandId: string): KeyScope {
  return { brandId };
}

/** Parses `system` / `brand:<id>` back into a scope. */
export function parseScopeKey(key: string): KeyScope {
  if (key === SYSTEM_SCOPE) return { system: true };
  if (key.startsWith('brand:') && BRAND_ID.test(key.slice(6))) return { brandId: key.slice(6) };
  if (key.startsWith('payment:') && BRAND_ID.test(key.slice(8))) return paymentScope(key.slice(8));
  throw vaultErrors.invalid_scope();
}
