import { z } from 'zod';
import { requestContext, sessionTokenOf } from '../../http/auth.js';
import { NoBody, WebAuthnJson } from '../../http/schemas.js';
import type { AppServices } from '../../http/services.js';
import { setSessionCookie } from '../../http/session-cookie.js';
import type { ZodApp } from '../../http/types.js';
import { AuthStepOut, Code } from './schemas.js';

const tags = ['mfa'];
const Label = z.string().trim().min(1).max(100);

/**
 * MFA enrollment, for a signed-in session or one whose sign-in waits on enrollment. Confirming a
 * method finishes sign-in, so the answer carries the new stage and the cookie gets a new id.
 * Recovery codes are in the answer once and stored hashed only.
 */
export function mfaRoutes(app: ZodApp, { access, config }: AppServices): void {
  app.post(
    '/mfa/totp/enroll',
    { config: { auth: 'pending' }, schema: { tags, body: NoBody, response: { 200: z.object({ otpauthUrl: z.string(), qrSvg: z.string() }) } } },
    async (req) => access.mfa.enrollTotp(sessionTokenOf(req), requestContext(req)),
  );
  app.post(
    '/mfa/totp/confirm',
    {
      config: { auth: 'pending' },
      schema: { tags, body: z.strictObject({ code: Code }), response: { 200: z.object({ recoveryCodes: z.array(z.string()), ...AuthStepOut.shape }) } },
    },
    async (req, reply) => {
      const { recoveryCodes, step } = await access.mfa.confirmTotp(sessionTokenOf(req), req.body.code, requestContext(req));
      setSessionCookie(reply, step.sessionId, config.secureCookies);
      return { recoveryCodes, status: step.status, ...(step.methods && { methods: step.methods }) };
    },
  );
  app.post(
    '/mfa/webauthn/register/options',
    { config: { auth: 'pending' }, schema: { tags, body: NoBody, response: { 200: WebAuthnJson } } },
    async (req) => (await access.mfa.webauthnRegistrationOptions(sessionTokenOf(req), requestContext(req))) as unknown as Record<string, unknown>,
  );
  app.post(
    '/mfa/webauthn/register/verify',
    {
      config: { auth: 'pending' },
      schema: {
        tags,
        body: z.strictObject({ response: WebAuthnJson, label: Label.optional() }),
        response: { 200: z.object({ id: z.string(), recoveryCodes: z.array(z.string()).optional(), ...AuthStepOut.shape }) },
      },
    },
    async (req, reply) => {
      const r = await access.mfa.verifyWebauthnRegistration(sessionTokenOf(req), req.body.response as never, req.body.label, requestContext(req));
      setSessionCookie(reply, r.step.sessionId, config.secureCookies);
      return { id: r.id, ...(r.recoveryCodes && { recoveryCodes: r.recoveryCodes }), status: r.step.status, ...(r.step.methods && { methods: r.step.methods }) };
    },
  );
}
