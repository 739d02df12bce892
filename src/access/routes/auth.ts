import { z } from 'zod';
import type { AppServices } from '../../http/services.js';
import { principalOf, requestContext, sessionTokenOf } from '../../http/auth.js';
import { Empty, NoBody, WebAuthnJson } from '../../http/schemas.js';
import { clearSessionCookie, setSessionCookie } from '../../http/session-cookie.js';
import type { ZodApp } from '../../http/types.js';
import type { AuthStep } from '../types.js';
import { AssignmentOut, AuthStepOut, Code, Email, Password } from './schemas.js';

const tags = ['auth'];

/**
 * Sign-in: password, then MFA. Every step answers with a NEW session id, set as the cookie here,
 * so an id planted before sign-in is worthless after it (session fixation, OWASP ASVS 3.2.1).
 * Rate limits and lockout are enforced by the access service, in the database, for all servers.
 */
export function authRoutes(app: ZodApp, { access, config }: AppServices): void {
  const step = (reply: Parameters<typeof setSessionCookie>[0], s: AuthStep) => {
    setSessionCookie(reply, s.sessionId, config.secureCookies);
    return { status: s.status, ...(s.methods && { methods: s.methods }) };
  };

  app.post(
    '/auth/login',
    { config: { auth: 'public' }, schema: { tags, body: z.strictObject({ email: Email, password: Password }), response: { 200: AuthStepOut } } },
    async (req, reply) => step(reply, await access.auth.login(req.body, requestContext(req), req.sessionToken ?? undefined)),
  );
  app.post(
    '/auth/password',
    { config: { auth: 'pending' }, schema: { tags, body: z.strictObject({ currentPassword: Password, newPassword: Password }), response: { 200: AuthStepOut } } },
    async (req, reply) => step(reply, await access.auth.changePassword(sessionTokenOf(req), req.body, requestContext(req))),
  );
  app.get('/auth/status', { config: { auth: 'pending' }, schema: { tags, response: { 200: AuthStepOut } } }, async (req) =>
    access.auth.status(sessionTokenOf(req)),
  );
  app.post(
    '/auth/mfa/totp',
    { config: { auth: 'pending' }, schema: { tags, body: z.strictObject({ code: Code }), response: { 200: AuthStepOut } } },
    async (req, reply) => step(reply, await access.auth.verifyTotp(sessionTokenOf(req), req.body.code, requestContext(req))),
  );
  app.post(
    '/auth/mfa/recovery',
    { config: { auth: 'pending' }, schema: { tags, body: z.strictObject({ code: Code }), response: { 200: AuthStepOut } } },
    async (req, reply) => step(reply, await access.auth.verifyRecoveryCode(sessionTokenOf(req), req.body.code, requestContext(req))),
  );
  app.post(
    '/auth/mfa/webauthn/options',
    { config: { auth: 'pending' }, schema: { tags, body: NoBody, response: { 200: WebAuthnJson } } },
    async (req) => (await access.auth.webauthnOptions(sessionTokenOf(req), requestContext(req))) as unknown as Record<string, unknown>,
  );
  app.post(
    '/auth/mfa/webauthn/verify',
    { config: { auth: 'pending' }, schema: { tags, body: z.strictObject({ response: WebAuthnJson }), response: { 200: AuthStepOut } } },
    async (req, reply) =>
      step(reply, await access.auth.verifyWebauthn(sessionTokenOf(req), req.body.response as never, requestContext(req))),
  );
  app.post(
    '/auth/logout',
    { config: { auth: 'public' }, schema: { tags, body: NoBody, response: { 204: Empty } } },
    async (req, reply) => {
      if (req.sessionToken) await access.auth.logout(req.sessionToken, requestContext(req));
      clearSessionCookie(reply, config.secureCookies);
      return reply.code(204).send();
    },
  );
  app.post(
    '/auth/logout-all',
    { config: { auth: 'session' }, schema: { tags, body: NoBody, response: { 204: Empty } } },
    async (req, reply) => {
      await access.auth.logoutAll(principalOf(req));
      clearSessionCookie(reply, config.secureCookies);
      return reply.code(204).send();
    },
  );
  app.get(
    '/auth/me',
    {
      config: { auth: 'session' },
      schema: {
        tags,
        response: {
          200: z.object({
            user: z.object({ id: z.string(), email: z.string(), displayName: z.string(), isSecurityAdmin: z.boolean(), assignments: z.array(AssignmentOut) }),
            mfa: z.object({ totp: z.boolean(), passkeys: z.number().int() }),
          }),
        },
      },
    },
    async (req) => access.auth.me(principalOf(req)),
  );
}
