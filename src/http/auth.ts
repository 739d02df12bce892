import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AccessServices, RequestContext } from '../access/index.js';
import { accessErrors, authErrors } from '../access/errors.js';
import type { Principal } from '../access/principal.js';
import { CallvaultError } from '../errors.js';
import { clearSessionCookie, SESSION_COOKIE } from './session-cookie.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const BEARER = /^Bearer (\S+)$/;

/**
 * Resolves the caller once per request, before the body is even read, from the route's declared
 * `config.auth`: a session cookie (through the access service, which enforces idle and absolute
 * expiry and touches the idle timer) or an API key (`Authorization: Bearer cvk_...`).
 *
 * CSRF: a state-changing request that is not API-key authenticated must carry
 * `x-callvault-csrf: 1`. Together with SameSite=Strict cookies this stops cross-site forms, which
 * cannot set custom headers (OWASP CSRF cheat sheet, "custom request headers"); it also covers
 * login CSRF since login is a POST.
 */
export function registerAuth(app: FastifyInstance, access: AccessServices, secureCookies: boolean): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (req, reply) => {
    if (req.is404) return;
    const auth = req.routeOptions.config.auth ?? 'public';
    const bearer = bearerToken(req);
    req.sessionToken = req.cookies[SESSION_COOKIE] || null;
    if (!SAFE_METHODS.has(req.method) && bearer === null && req.url.startsWith('/api/') && req.headers['x-callvault-csrf'] !== '1') {
      throw new CallvaultError('forbidden', 'request.csrf', 'state-changing requests from a browser must carry the header x-callvault-csrf: 1');
    }
    if (auth === 'public') return;
    if (auth === 'pending') {
      if (bearer !== null) throw accessErrors.forbidden('This route is for people signing in, not API keys');
      if (!req.sessionToken) throw authErrors.unauthenticated();
      return;
    }
    if (bearer !== null) {
      if (auth === 'session') throw accessErrors.forbidden('This route is for signed-in people, not API keys');
      req.principal = await access.apiKeys.authenticate(bearer, requestContext(req));
      return;
    }
    if (!req.sessionToken) throw authErrors.unauthenticated();
    try {
      req.principal = await access.auth.resolveSession(req.sessionToken, requestContext(req));
    } catch (err) {
      // A dead session's cookie is useless; drop it so the console goes back to the login page cleanly.
      if (err instanceof CallvaultError && err.kind === 'unauthenticated') clearSessionCookie(reply, secureCookies);
      throw err;
    }
  });
}

/** Where the request came from, for audit events (PCI DSS 10.2.2). */
export function requestContext(req: FastifyRequest): RequestContext {
  const ua = req.headers['user-agent'];
  return { ip: req.ip, requestId: req.id, ...(ua ? { userAgent: ua.slice(0, 512) } : {}) };
}

/** The resolved caller; routes declared `session`/`principal` always have one. */
export function principalOf(req: FastifyRequest): Principal {
  if (!req.principal) throw authErrors.unauthenticated();
  return req.principal;
}

/** The session cookie value on a `pending`/`session` route. */
export function sessionTokenOf(req: FastifyRequest): string {
  if (!req.sessionToken) throw authErrors.unauthenticated();
  return req.sessionToken;
}

function bearerToken(req: FastifyRequest): string | null {
  const header = req.headers.authorization;
  if (!header) return null;
  const m = BEARER.exec(header);
  if (!m?.[1]) throw authErrors.invalid_api_key();
  return m[1];
}
