import type { FastifyInstance } from 'fastify';
import { ErrorBody } from './schemas.js';
import { ROUTE_AUTH } from './types.js';

export interface RouteEntry {
  method: string;
  url: string;
  auth: string;
  hasBody: boolean;
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const ERROR_STATUSES = [400, 401, 403, 404, 409, 413, 415, 423, 429, 500] as const;

/**
 * Deny by default, enforced when a route is added (so a route that forgets cannot start):
 * every /api route declares who may call it, a response schema (the allowlist of what leaves the
 * server) and, if it takes a body, a body schema. The error answers are added to every route's
 * schema so OpenAPI documents them. Returns the route table (method, url, auth), which the
 * authorization-matrix test walks so a new route cannot escape it.
 */
export function enforceRoutePolicy(app: FastifyInstance): RouteEntry[] {
  const table: RouteEntry[] = [];
  app.addHook('onRoute', (route) => {
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter((m) => m !== 'HEAD');
    const config = (route.config ??= {});
    const isApi = route.url.startsWith('/api/');
    if (isApi) {
      const where = `${methods.join(',')} ${route.url}`;
      if (!config.auth || !ROUTE_AUTH.includes(config.auth)) throw new Error(`route ${where} must declare config.auth`);
      if (!route.schema?.response) throw new Error(`route ${where} must declare a response schema`);
      if (methods.some((m) => BODY_METHODS.has(m)) && !route.schema.body) throw new Error(`route ${where} must declare a body schema (NoBody if none)`);
      const response = route.schema.response as Record<number, unknown>;
      for (const status of ERROR_STATUSES) response[status] ??= ErrorBody;
    }
    config.auth ??= 'public';
    for (const method of methods) table.push({ method, url: route.url, auth: config.auth, hasBody: Boolean(route.schema?.body) });
  });
  return table;
}
