import { z } from 'zod';
import { principalOf } from '../http/auth.js';
import type { AppServices } from '../http/services.js';
import type { ZodApp } from '../http/types.js';
import { ALERT_STATUSES } from './alerts-data.js';

const tags = ['alerts'];

export const AlertOut = z.object({
  id: z.string(),
  raisedAt: z.string(),
  actor: z.object({ kind: z.string(), id: z.string() }),
  role: z.string(),
  brandIds: z.array(z.string()),
  severity: z.enum(['medium', 'high', 'critical']),
  score: z.number(),
  rules: z.array(z.string()),
  reasons: z.array(z.string()),
  evidence: z.array(z.string()),
  firstEventAt: z.string(),
  lastEventAt: z.string(),
  status: z.enum(ALERT_STATUSES),
  statusBy: z.string().nullable(),
  incidentId: z.string().nullable(),
  updatedAt: z.string(),
});

/** Alert ids are the detector's: al_ and 20 hex digits. */
export const AlertId = z.string().regex(/^al_[0-9a-f]{20}$/, 'expected an alert id (al_ and 20 hex digits)');
const AlertParams = z.strictObject({ alertId: AlertId });

/** Unusual-access alerts: security admins and auditors of the brands they concern. */
export function alertRoutes(app: ZodApp, { alerts }: AppServices): void {
  app.get(
    '/alerts',
    {
      config: { auth: 'principal' },
      schema: {
        tags,
        querystring: z.strictObject({
          status: z.enum(ALERT_STATUSES).optional(),
          actorId: z.string().min(1).max(100).optional(),
          limit: z.coerce.number().int().min(1).max(200).optional(),
          before: z.string().min(1).max(200).optional(),
        }),
        response: { 200: z.object({ items: z.array(AlertOut), nextBefore: z.string().nullable() }) },
      },
    },
    async (req) => alerts.list(principalOf(req), req.query),
  );
  app.get(
    '/alerts/:alertId',
    { config: { auth: 'principal' }, schema: { tags, params: AlertParams, response: { 200: AlertOut } } },
    async (req) => alerts.get(principalOf(req), req.params.alertId),
  );
  app.post(
    '/alerts/:alertId/status',
    {
      config: { auth: 'session' },
      schema: { tags, params: AlertParams, body: z.strictObject({ status: z.enum(['new', 'acknowledged', 'dismissed']) }), response: { 200: AlertOut } },
    },
    async (req) => alerts.setStatus(principalOf(req), req.params.alertId, req.body.status),
  );
}
