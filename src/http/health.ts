import { z } from 'zod';
import type { Db } from '../db/types.js';
import type { ZodApp } from './types.js';

const Health = z.strictObject({ status: z.enum(['ok', 'unavailable']) });

/** GET /healthz: the process answers. GET /readyz: and its database answers too (load balancers route on it). */
export function registerHealthRoutes(app: ZodApp, db: Db): void {
  app.get('/healthz', { config: { auth: 'public' }, schema: { tags: ['operations'], response: { 200: Health } } }, async () => ({
    status: 'ok' as const,
  }));
  app.get(
    '/readyz',
    { config: { auth: 'public' }, schema: { tags: ['operations'], response: { 200: Health, 503: Health } } },
    async (req, reply) => {
      try {
        await db.query('SELECT 1');
        return { status: 'ok' as const };
      } catch {
        req.log.warn({ requestId: req.id }, 'readiness: database unreachable');
        return reply.code(503).send({ status: 'unavailable' });
      }
    },
  );
}
