import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Principal } from '../access/principal.js';

/** The Fastify instance every module's routes receive: zod schemas type params, body and replies. */
export type ZodApp = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

/**
 * Who may call a route (declared on every /api route; a route without it is refused at start-up):
 * - `public`: anyone (login, health);
 * - `pending`: any session cookie, including one still completing MFA, enrollment or a password
 *   change (the service checks the session's stage);
 * - `session`: a fully signed-in person (cookie), never an API key;
 * - `principal`: a signed-in person or an API key.
 */
export type RouteAuth = 'public' | 'pending' | 'session' | 'principal';
export const ROUTE_AUTH: readonly RouteAuth[] = ['public', 'pending', 'session', 'principal'];

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: RouteAuth;
  }
  interface FastifyRequest {
    /** Resolved caller on `session`/`principal` routes; null elsewhere. */
    principal: Principal | null;
    /** The raw `cv_session` cookie value, if any (never logged: it is the session secret). */
    sessionToken: string | null;
    /** The exact bytes of a JSON body, for routes that check a signature over them. */
    rawBody?: Buffer;
  }
}
