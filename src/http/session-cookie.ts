import type { FastifyReply } from 'fastify';

export const SESSION_COOKIE = 'cv_session';

/**
 * The session cookie: httpOnly (no script can read it), SameSite=Strict (never sent on a cross-site
 * request) and Secure unless the installation runs on plain HTTP. No Max-Age: the server decides
 * expiry (PCI DSS 8.2.8 idle and absolute limits), and the cookie dies with the browser.
 */
export function setSessionCookie(reply: FastifyReply, sessionId: string, secure: boolean): void {
  void reply.setCookie(SESSION_COOKIE, sessionId, { httpOnly: true, sameSite: 'strict', secure, path: '/' });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  void reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure, path: '/' });
}
