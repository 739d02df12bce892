import { z } from 'zod';
import { principalOf } from '../http/auth.js';
import { NoBody } from '../http/schemas.js';
import type { AppServices } from '../http/services.js';
import type { ZodApp } from '../http/types.js';
import { DATA_CLASSES } from './types.js';

const tags = ['retention'];
const BrandParams = z.strictObject({ brandId: z.uuid() });
// Originals: the calls module's keep_original_days bounds (1..3650); null deletes them once redacted.
const Days = z.number().int().min(1).max(36_500).nullable().optional();

const PoliciesOut = z.object({
  brandId: z.string(),
  classes: z.array(z.object({ dataClass: z.enum(DATA_CLASSES), days: z.number().nullable(), source: z.enum(['policy', 'default']), updatedAt: z.string().nullable() })),
});
const HoldOut = z.object({
  id: z.string(),
  brandId: z.string(),
  callId: z.string().nullable(),
  caseRef: z.string(),
  placedBy: z.string(),
  placedAt: z.string(),
  releasedBy: z.string().nullable(),
  releasedAt: z.string().nullable(),
});
const RunOut = z.object({
  id: z.string(),
  trigger: z.enum(['schedule', 'manual']),
  triggeredBy: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  purged: z.number(),
  skippedHold: z.number(),
  errors: z.number(),
  items: z.array(z.object({ brandId: z.string(), dataClass: z.enum(DATA_CLASSES), days: z.number().nullable(), purged: z.number(), skippedHold: z.number(), errors: z.number(), note: z.string().nullable() })),
});
/** A case reference, not free text: letters, digits and . _ : / # - (e.g. "2026-CV-0142"). */
const CaseRef = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:/#-]{0,63}$/, 'caseRef: a case reference of letters, digits and . _ : / # - (at most 64), not free text');

/** Retention policies per brand and data class, legal holds, and purge runs with their reports. */
export function retentionRoutes(app: ZodApp, { retention }: AppServices): void {
  app.get('/brands/:brandId/retention', { config: { auth: 'principal' }, schema: { tags, params: BrandParams, response: { 200: PoliciesOut } } }, async (req) =>
    retention.policies(principalOf(req), req.params.brandId),
  );
  app.put(
    '/brands/:brandId/retention',
    {
      config: { auth: 'session' },
      schema: {
        tags,
        params: BrandParams,
        body: z.strictObject({ originals: z.number().int().min(1).max(3650).nullable().optional(), redactedCalls: Days, qaNotes: Days, paymentTokens: Days, auditEvents: Days }),
        response: { 200: PoliciesOut },
      },
    },
    async (req) => retention.updatePolicies(principalOf(req), req.params.brandId, req.body),
  );
  app.get(
    '/brands/:brandId/legal-holds',
    {
      config: { auth: 'principal' },
      schema: { tags, params: BrandParams, querystring: z.strictObject({ includeReleased: z.enum(['true', 'false']).optional() }), response: { 200: z.object({ items: z.array(HoldOut) }) } },
    },
    async (req) => ({ items: await retention.holds(principalOf(req), req.params.brandId, { includeReleased: req.query.includeReleased === 'true' }) }),
  );
  app.post(
    '/brands/:brandId/legal-holds',
    { config: { auth: 'session' }, schema: { tags, params: BrandParams, body: z.strictObject({ caseRef: CaseRef, callId: z.uuid().optional() }), response: { 201: HoldOut } } },
    async (req, reply) => reply.code(201).send(await retention.placeHold(principalOf(req), req.params.brandId, req.body)),
  );
  app.post(
    '/brands/:brandId/legal-holds/:holdId/release',
    { config: { auth: 'session' }, schema: { tags, params: z.strictObject({ brandId: z.uuid(), holdId: z.uuid() }), body: NoBody, response: { 200: HoldOut } } },
    async (req) => retention.releaseHold(principalOf(req), req.params.brandId, req.params.holdId),
  );
  app.get(
    '/retention/runs',
    { config: { auth: 'principal' }, schema: { tags, querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(100).optional() }), response: { 200: z.object({ items: z.array(RunOut) }) } } },
    async (req) => ({ items: await retention.runs(principalOf(req), req.query.limit ?? 20) }),
  );
  app.post('/retention/runs', { config: { auth: 'session' }, schema: { tags, body: NoBody, response: { 201: RunOut } } }, async (req, reply) =>
    reply.code(201).send(await retention.runNow(principalOf(req))),
  );
}
