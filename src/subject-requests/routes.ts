import { z } from 'zod';
import { principalOf } from '../http/auth.js';
import type { AppServices } from '../http/services.js';
import type { ZodApp } from '../http/types.js';
import { certificateHtml } from './certificate.js';
import { IDENTIFIER_TYPES } from './data.js';

const tags = ['subject-requests'];
const Params = z.strictObject({ requestId: z.uuid() });
const STATUSES = ['open', 'found', 'exported', 'erased', 'closed', 'rejected'] as const;
const KINDS = ['access', 'erasure', 'know', 'delete'] as const;
const OUTCOMES = ['found', 'exported', 'erased', 'held'] as const;
const Reason = z.strictObject({ reason: z.string().trim().min(3).max(2000) });
/** Up to 10 values per identifier type; each one as the subject gave it (any format). */
const Values = z.array(z.string().trim().min(1).max(200)).max(10).optional();

const FoundCallOut = z.object({
  callId: z.string(),
  outcome: z.enum(OUTCOMES),
  holdId: z.string().nullable(),
  foundAt: z.date(),
  actedAt: z.date().nullable(),
  call: z
    .object({ externalId: z.string(), agentRef: z.string().nullable(), startedAt: z.date().nullable(), status: z.string(), durationSeconds: z.number().nullable(), redactionCount: z.number().nullable(), hasRecording: z.boolean(), createdAt: z.date() })
    .nullable(),
});
export const SubjectRequestOut = z.object({
  id: z.string(),
  number: z.number(),
  brandId: z.string(),
  regime: z.enum(['gdpr', 'ccpa']),
  kind: z.enum(KINDS),
  status: z.enum(STATUSES),
  receivedAt: z.date(),
  baseDueAt: z.date(),
  dueAt: z.date(),
  clock: z.object({ status: z.enum(['running', 'overdue', 'met', 'met_late']), remainingMs: z.number() }),
  identifierTypes: z.partialRecord(z.enum(IDENTIFIER_TYPES), z.number()),
  extensions: z.array(z.object({ position: z.number(), reason: z.string(), previousDueAt: z.date(), newDueAt: z.date(), extendedBy: z.string(), extendedAt: z.date() })),
  rejectionReason: z.string().nullable(),
  foundCount: z.number().nullable(),
  foundAt: z.date().nullable(),
  exportedAt: z.date().nullable(),
  erasedAt: z.date().nullable(),
  closedAt: z.date().nullable(),
  closedBy: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.date(),
  calls: z.array(FoundCallOut).optional(),
});
const ExportOut = z.object({
  format: z.literal('callvault.subject-export'),
  version: z.literal(1),
  requestId: z.string(),
  requestNumber: z.number(),
  regime: z.string(),
  kind: z.string(),
  brandId: z.string(),
  generatedAt: z.string(),
  calls: z.array(
    z.object({
      callId: z.string(),
      metadata: z.record(z.string(), z.unknown()),
      redactedTranscript: z.object({ format: z.string(), content: z.string() }).nullable(),
      hasRedactedRecording: z.boolean(),
      scorecards: z.number(),
      breakGlassGrants: z.number(),
      paymentTokens: z.object({ count: z.number(), createdAt: z.array(z.string()) }),
    }),
  ),
  notIncluded: z.array(z.string()),
});
const EraseOut = z.object({
  request: SubjectRequestOut,
  erased: z.array(z.object({ callId: z.string(), keysDestroyed: z.number(), tokensDestroyed: z.number() })),
  held: z.array(z.object({ callId: z.string(), holdId: z.string() })),
});
const CertificateOut = z.record(z.string(), z.unknown());

/** Data-subject requests: open, find, export or erase, extend, reject, close with a certificate. */
export function subjectRequestRoutes(app: ZodApp, { subjectRequests: svc }: AppServices): void {
  app.get(
    '/subject-requests',
    {
      config: { auth: 'principal' },
      schema: {
        tags,
        querystring: z.strictObject({ brandId: z.uuid().optional(), status: z.enum(STATUSES).optional(), limit: z.coerce.number().int().min(1).max(500).optional() }),
        response: { 200: z.object({ items: z.array(SubjectRequestOut) }) },
      },
    },
    async (req) => ({ items: await svc.list(principalOf(req), req.query) }),
  );
  app.post(
    '/subject-requests',
    {
      config: { auth: 'session' },
      schema: {
        tags,
        body: z.strictObject({
          brandId: z.uuid(),
          regime: z.enum(['gdpr', 'ccpa']),
          kind: z.enum(KINDS),
          identifiers: z.strictObject({ phones: Values, emails: Values, names: Values, accountNumbers: Values }),
          receivedAt: z.iso.datetime({ offset: true }).transform((s) => new Date(s)).optional(),
        }),
        response: { 201: SubjectRequestOut },
      },
    },
    async (req, reply) => {
      const { identifiers, receivedAt, ...rest } = req.body;
      const ids = Object.fromEntries(Object.entries(identifiers).filter(([, v]) => v !== undefined));
      return reply.code(201).send(await svc.create(principalOf(req), { ...rest, identifiers: ids, ...(receivedAt && { receivedAt }) }));
    },
  );
  app.get('/subject-requests/:requestId', { config: { auth: 'principal' }, schema: { tags, params: Params, response: { 200: SubjectRequestOut } } }, async (req) =>
    svc.get(principalOf(req), req.params.requestId),
  );
  app.post('/subject-requests/:requestId/find', { config: { auth: 'session' }, schema: { tags, params: Params, body: z.strictObject({}).nullish(), response: { 200: SubjectRequestOut } } }, async (req) =>
    svc.find(principalOf(req), req.params.requestId),
  );
  app.post(
    '/subject-requests/:requestId/export',
    { config: { auth: 'session' }, schema: { tags, description: 'The package of what is held (JSON, as a download)', params: Params, body: z.strictObject({}).nullish(), response: { 200: ExportOut } } },
    async (req, reply) => {
      const pkg = await svc.exportPackage(principalOf(req), req.params.requestId);
      return reply.header('content-disposition', `attachment; filename="subject-request-${pkg.requestNumber}-export.json"`).send(pkg);
    },
  );
  app.post(
    '/subject-requests/:requestId/erase',
    {
      config: { auth: 'session' },
      schema: { tags, description: 'Erases the calls found; held calls are kept and listed (409 subject_request.held when every call is held)', params: Params, body: z.strictObject({}).nullish(), response: { 200: EraseOut } },
    },
    async (req) => svc.erase(principalOf(req), req.params.requestId),
  );
  app.post('/subject-requests/:requestId/extend', { config: { auth: 'session' }, schema: { tags, params: Params, body: Reason, response: { 200: SubjectRequestOut } } }, async (req) =>
    svc.extend(principalOf(req), req.params.requestId, req.body.reason),
  );
  app.post('/subject-requests/:requestId/reject', { config: { auth: 'session' }, schema: { tags, params: Params, body: Reason, response: { 200: SubjectRequestOut } } }, async (req) =>
    svc.reject(principalOf(req), req.params.requestId, req.body.reason),
  );
  app.post('/subject-requests/:requestId/close', { config: { auth: 'session' }, schema: { tags, params: Params, body: z.strictObject({}).nullish(), response: { 200: SubjectRequestOut } } }, async (req) =>
    svc.close(principalOf(req), req.params.requestId),
  );
  app.get(
    '/subject-requests/:requestId/certificate',
    {
      config: { auth: 'principal' },
      schema: { tags, description: 'JSON, or printable HTML with ?format=html', params: Params, querystring: z.strictObject({ format: z.enum(['json', 'html']).optional() }), response: { 200: z.union([CertificateOut, z.string()]) } },
    },
    async (req, reply) => {
      const cert = await svc.certificate(principalOf(req), req.params.requestId);
      if (req.query.format === 'html') {
        return reply.type('text/html; charset=utf-8').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'").send(certificateHtml(cert));
      }
      return reply.send(cert);
    },
  );
}
