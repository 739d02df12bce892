/**
 * Access: brands (tenants), users and their per-brand roles, passwords, MFA (TOTP, WebAuthn,
 * recovery codes), database sessions, lockout, rate limits and API keys. No HTTP here: the routes
 * (src/access/routes*.ts, src/http) parse, call ONE method below, and shape the answer.
 *
 *   const access = createAccessServices({ db, vault, audit, config, clock? })
 *
 * Sign-in (every step returns a NEW session id; set it as the cookie, drop the old one):
 *   access.auth.login({ email, password }, ctx, previousSessionId?)      -> AuthStep
 *   access.auth.changePassword(sessionId, { currentPassword, newPassword }, ctx) -> AuthStep
 *   access.auth.verifyTotp(sessionId, code, ctx)                          -> AuthStep
 *   access.auth.verifyRecoveryCode(sessionId, code, ctx)                  -> AuthStep
 *   access.auth.webauthnOptions(sessionId, ctx)                           -> PublicKeyCredentialRequestOptionsJSON
 *   access.auth.verifyWebauthn(sessionId, response, ctx)                  -> AuthStep
 *   access.auth.status(sessionId)                                          -> { status, methods? } (any live session)
 *   access.auth.logout(sessionId, ctx)                                     -> void (idempotent)
 *   access.auth.logoutAll(principal)                                       -> void (every session of the user)
 *   access.auth.resolveSession(sessionId, ctx)                             -> Principal (full sessions only; touches idle time)
 *   access.auth.me(principal)                                              -> Me
 *
 * MFA enrollment (session stage `mfa_enrollment_required` or `ok`):
 *   access.mfa.enrollTotp(sessionId, ctx)                  -> { otpauthUrl, qrSvg }
 *   access.mfa.confirmTotp(sessionId, code, ctx)           -> { recoveryCodes, step: AuthStep }
 *   access.mfa.webauthnRegistrationOptions(sessionId, ctx) -> PublicKeyCredentialCreationOptionsJSON
 *   access.mfa.verifyWebauthnRegistration(sessionId, response, label, ctx) -> { id, recoveryCodes?, step: AuthStep }
 *
 * Administration (principal first; denials are audited and throw access.forbidden):
 *   access.brands.list(p) / create(p, { name, agentMfaRequired? }) / update(p, brandId, { name?, agentMfaRequired? })
 *   access.users.list(p, { brandId? }) / create(p, NewUser) -> { user, oneTimePassword }
 *   access.users.setAssignments(p, userId, assignments) / resetMfa(p, userId) / unlock(p, userId)
 *   access.apiKeys.list(p, brandId) / create(p, brandId, NewApiKey) -> { apiKey, secret } / revoke(p, keyId)
 *   access.apiKeys.authenticate(token, ctx) -> Principal   (token = `cvk_<prefix>_<secret>`)
 *
 * Shared:
 *   access.rateLimiter.hit(key, limit, windowSeconds) -> RateLimitResult (counters in the database)
 *   access.seedDemo() -> { brandId, accounts: DemoAccount[] } | null (null when already seeded)
 *
 * Errors are CallvaultError with codes `auth.*` (sign-in, MFA, sessions, API key tokens) and
 * `access.*` (administration); see errors.ts.
 */
import { createAccessContext } from './context.js';
import { createApiKeyService, type ApiKeyService } from './api-keys.js';
import { createAuthService, type AuthService } from './auth.js';
import { createBrandService, type BrandService } from './brands.js';
import { createDemoSeeder } from './demo.js';
import { createMfaService, type MfaService } from './mfa.js';
import { createRateLimiter, type RateLimiter } from './rate-limit.js';
import { createUserService, type UserService } from './users.js';
import type { AccessDeps, DemoAccount } from './types.js';

export interface AccessServices {
  auth: AuthService;
  mfa: MfaService;
  brands: BrandService;
  users: UserService;
  apiKeys: ApiKeyService;
  rateLimiter: RateLimiter;
  seedDemo(): Promise<{ brandId: string; accounts: DemoAccount[] } | null>;
}

export function createAccessServices(deps: AccessDeps): AccessServices {
  const ctx = createAccessContext(deps);
  const users = createUserService(ctx);
  return {
    auth: createAuthService(ctx),
    mfa: createMfaService(ctx),
    brands: createBrandService(ctx),
    users,
    apiKeys: createApiKeyService(ctx),
    rateLimiter: ctx.rateLimiter,
    seedDemo: createDemoSeeder(ctx),
  };
}

export type * from './types.js';
export type { AuthService, MfaService, BrandService, UserService, ApiKeyService, RateLimiter };
export { createRateLimiter };
export { authErrors, accessErrors } from './errors.js';
export type { Principal } from './principal.js';
export { isAllowed, isAllowedOnAny, brandsAllowed } from './principal.js';
export { isUuid } from './validate.js';
/** Ends every session of a user inside the caller's transaction (a vendor's revocation suspends its people). */
export { closeUserSessions } from './sessions.js';
export { brandGrants, brandMembers, brandsOfUser, grantLabels, removeBrandAssignment, revokeBrandApiKey, type BrandGrant } from './grants.js';
export { ROLES, ACTIONS, roleAllows, type Role, type Action } from './permissions.js';
