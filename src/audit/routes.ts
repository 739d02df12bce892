import { z } from 'zod';
import { principalOf } from '../http/auth.js';
import type { AppServices } from '../http/services.js';
import type { ZodApp } from '../http/types.js';

const tags = ['audit'];

const EventOut = z.object({
  chainId: z.string(),
  seq: z.number().int(),
  brandId: z.string().nullable(),
  at: z.string(),
  actor: z.object({ kind: z.string(), id: z.string() }),
  action: z.string(),
  target: z.object({ type: z.string(), id: z.string() }).nullable(),
  outcome: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  requestId: z.string().nullable(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  hash: z.string(),
});

const Instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

/**
 * Reading the trail (PCI DSS 10.2.1.3: reads of the audit trail are themselves audited, by the
 * service). Security admins read every brand, auditors their brands, API keys with audit.read
 * (a SIEM) their one brand.
 */
export function auditRoutes(app: ZodApp, { auditService }: AppServices): void {
  app.get(
    '/audit/events',
    {
      config: { auth: 'principal' },
      schema: {
        tags,
        querystring: z.strictObject({
          brandId: z.uuid().optional(),
          actorId: z.string().min(1).max(100).optional(),
          action: z.string().min(1).max(100).optional(),
          from: Instant.optional(),
          to: Instant.optional(),
          limit: z.coerce.number().int().min(1).max(500).optional(),
          before: z.string().min(1).max(200).optional(),
        }),
        response: { 200: z.object({ items: z.array(EventOut), nextBefore: z.string().nullable() }) },
      },
    },
    async (req) => {
      const q = req.query;
      return auditService.listEvents(principalOf(req), {
        ...(q.brandId && { brandId: q.brandId }),
        ...(q.actorId && { actorId: q.actorId }),
        ...(q.action && { action: q.action }),
        ...(q.from && { from: q.from }),
        ...(q.to && { to: q.to }),
        ...(q.limit && { limit: q.limit }),
        ...(q.before && { before: q.before }),
      });
    },
  );
  app.get(
    '/audit/verify',
    {
      config: { auth: 'principal' },
      schema: {
        tags,
        querystring: z.strictObject({ brandId: z.uuid().optional() }),
        response: {
          200: z.object({
            ok: z.boolean(),
            events: z.number().int(),
            checkpoints: z.number().int(),
            problems: z.array(z.object({ seq: z.number().int(), kind: z.string(), message: z.string() })),
          }),
        },
      },
    },
    async (req) => auditService.verify(principalOf(req), req.query.brandId ?? null),
  );
}
