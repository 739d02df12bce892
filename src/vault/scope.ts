import { vaultErrors } from './errors.js';
import type { KeyScope } from './types.js';

// Brand ids are UUIDs in callvault; the pattern is looser so other id schemes still work, but it
// excludes separators so a scope string cannot be confused with another one.
const BRAND_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const SYSTEM_SCOPE = 'system';

/** The stable string a scope is stored and bound under: `system` or `brand:<id>`. */
export function scopeKey(scope: KeyScope): string {
  if ('system' in scope) return SYSTEM_SCOPE;
  if (!BRAND_ID.test(scope.brandId)) throw vaultErrors.invalid_scope();
  return `brand:${scope.brandId}`;
}

export function brandScope(brandId: string): KeyScope {
  return { brandId };
}

/** Parses `system` / `brand:<id>` back into a scope. */
export function parseScopeKey(key: string): KeyScope {
  if (key === SYSTEM_SCOPE) return { system: true };
  if (key.startsWith('brand:') && BRAND_ID.test(key.slice(6))) return { brandId: key.slice(6) };
  throw vaultErrors.invalid_scope();
}
