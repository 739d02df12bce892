import type { Actor } from '../audit/types.js';
import { roleAllows, type Action, type Role } from './permissions.js';

/**
 * Whoever is making a request, resolved once by the HTTP layer (session or API key) or built by
 * the CLI (system actor). Services take it as their first argument and check it first.
 */
export interface Principal {
  actor: Actor;
  /** BPO-wide security admin: every brand. */
  isSecurityAdmin: boolean;
  /** Role per brand id (one role per brand assignment). */
  roles: ReadonlyMap<string, Role>;
  /** API keys only: the actions they were scoped to (intersected with nothing else: keys have no role). */
  apiKeyScopes?: ReadonlySet<Action>;
  /** API keys only: the brands they were scoped to. */
  apiKeyBrands?: ReadonlySet<string>;
  ip?: string;
  userAgent?: string;
  requestId?: string;
}

/** Deny by default: may `principal` perform `action` on `brandId`? (null brand = installation-wide) */
export function isAllowed(principal: Principal, action: Action, brandId: string | null): boolean {
  if (principal.actor.kind === 'system') return true; // CLI operator on the host: audited as system
  if (principal.actor.kind === 'api_key') {
    return (
      brandId !== null &&
      (principal.apiKeyBrands?.has(brandId) ?? false) &&
      (principal.apiKeyScopes?.has(action) ?? false)
    );
  }
  if (principal.isSecurityAdmin) return roleAllows('security_admin', action);
  if (brandId === null) return false;
  const role = principal.roles.get(brandId);
  return role !== undefined && roleAllows(role, action);
}

/** May `principal` perform `action` on a record that concerns several brands (any of them, or installation-wide)? */
export function isAllowedOnAny(principal: Principal, action: Action, brandIds: readonly string[]): boolean {
  return isAllowed(principal, action, null) || brandIds.some((b) => isAllowed(principal, action, b));
}

/** Brands a principal may act on for `action` (security admins: null meaning all). */
export function brandsAllowed(principal: Principal, action: Action): string[] | null {
  if (principal.actor.kind === 'system' || principal.isSecurityAdmin) return null;
  if (principal.actor.kind === 'api_key') {
    return [...(principal.apiKeyBrands ?? [])].filter(() => principal.apiKeyScopes?.has(action) ?? false);
  }
  return [...principal.roles].filter(([, role]) => roleAllows(role, action)).map(([id]) => id);
}
