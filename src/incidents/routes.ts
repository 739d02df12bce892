import { z } from 'zod';
import { AlertId } from '../anomalies/index.js';
import { principalOf } from '../http/auth.js';
import { Empty } from '../http/schemas.js';
import type { AppServices } from '../http/services.js';
import type { ZodApp } from '../http/types.js';
import { blastRadiusCsv } from './blast-radius.js';
import { CLOCK_KINDS } from './clocks.js';
import { SEVERITIES, STATUSES } from './lifecycle.js';
import { PLAYBOOKS } from './playbooks.js';
import { reportHtml, reportMarkdown } from './report.js';

const tags = ['incidents'];
const Params = z.strictObject({ incidentId: z.uuid() });
const Instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const ClockOut = z.object({
  kind: z.enum(CLOCK_KINDS),
  label: z.string(),
  hours: z.number(),
  startedAt: z.string(),
  dueAt: z.string(),
  metAt: z.string().nullable(),
  metBy: z.string().nullable(),
  state: z.object({ status: z.enum(['running', 'overdue', 'met', 'met_late']), remainingMs: z.number(), elapsed: z.number() }),
});
export const IncidentOut = z.object({
  id: z.string(),
  number: z.number(),
  title: z.string(),
  summary: z.string().nullable(),
  playbook: z.enum(PLAYBOOKS),
  playbookTitle: z.string(),
  severity: z.enum(SEVERITIES),
  status: z.enum(STATUSES),
  source: z.enum(['alert', 'automatic', 'reported']),
  ownerId: z.string().nullable(),
  suspect: z.object({ kind: z.enum(['user', 'api_key']), id: z.string() }).nullable(),
  windowFrom: z.string(),
  windowTo: z.string().nullable(),
  brandIds: z.array(z.string()),
  awareAt: z.string(),
  openedBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
  tasks: z.array(z.object({ position: z.number(), title: z.string(), doneAt: z.string().nullable(), doneBy: z.string().nullable() })),
  clocks: z.array(ClockOut),
  alertIds: z.array(z.string()),
});
const TimelineOut = z.object({ items: z.array(z.object({ at: z.string(), kind: z.string(), text: z.string(), actor: z.string().nullable(), ref: z.string().nullable() })) });
const BlastOut = z.object({
  actor: z.object({ kind: z.string(), id: z.string() }),
  from: z.string(),
  to: z.string(),
  totalRecords: z.number(),
  deniedAttempts: z.number(),
  brands: z.array(
    z.object({
      brandId: z.string(),
      calls: z.number(),
      payments: z.number(),
      customers: z.number(),
      records: z.array(z.object({ type: z.string(), id: z.string(), actions: z.array(z.string()), events: z.number(), firstAt: z.string(), lastAt: z.string() })),
    }),
  ),
});
const Text = (max: number) => z.string().trim().min(1).max(max);

/** Incident response: open (from an alert or reported), work the playbook, contain, meet the clocks, report. */
export function incidentRoutes(app: ZodApp, { incidents }: AppServices): void {
  app.get(
    '/incidents',
    {
      config: { auth: 'principal' },
      schema: {
        tags,
        querystring: z.strictObject({ status: z.enum(STATUSES).optional(), limit: z.coerce.number().int().min(1).max(200).optional(), offset: z.coerce.number().int().min(0).max(100_000).optional() }),
        response: { 200: z.object({ items: z.array(IncidentOut) }) },
      },
    },
    async (req) => ({ items: await incidents.list(principalOf(req), req.query) }),
  );
  app.post(
    '/incidents',
    {
      config: { auth: 'session' },
      schema: {
        tags,
        body: z.strictObject({
          title: Text(200),
          summary: Text(5000).optional(),
          playbook: z.enum(PLAYBOOKS),
          severity: z.enum(SEVERITIES),
          brandIds: z.array(z.uuid()).max(100),
          suspect: z.strictObject({ kind: z.enum(['user', 'api_key']), id: z.uuid() }).optional(),
          windowFrom: Instant.optional(),
          windowTo: Instant.optional(),
          awareAt: Instant.optional(),
          ownerId: z.uuid().optional(),
        }),
        response: { 201: IncidentOut },
      },
    },
    async (req, reply) => reply.code(201).send(await incidents.open(principalOf(req), req.body)),
  );
  app.post(
    '/alerts/:alertId/incident',
    {
      config: { auth: 'session' },
      schema: {
        tags,
        params: z.strictObject({ alertId: AlertId }),
        body: z.strictObject({ playbook: z.enum(PLAYBOOKS).optional() }).nullish(),
        response: { 201: IncidentOut },
      },
    },
    async (req, reply) => reply.code(201).send(await incidents.openFromAlert(principalOf(req), req.params.alertId, req.body?.playbook ? { playbook: req.body.playbook } : {})),
  );
  app.get('/incidents/:incidentId', { config: { auth: 'principal' }, schema: { tags, params: Params, response: { 200: IncidentOut } } }, async (req) =>
    incidents.get(principalOf(req), req.params.incidentId),
  );
  app.patch(
    '/incidents/:incidentId',
    {
      config: { auth: 'session' },
      schema: {
        tags,
        params: Params,
        body: z
          .strictObject({ status: z.enum(STATUSES).optional(), severity: z.enum(SEVERITIES).optional(), ownerId: z.uuid().nullable().optional(), windowFrom: Instant.optional(), windowTo: Instant.nullable().optional() })
          .refine((b) => Object.keys(b).length > 0, 'expected at least one of status, severity, ownerId, windowFrom, windowTo'),
        response: { 200: IncidentOut },
      },
    },
    async (req) => incidents.update(principalOf(req), req.params.incidentId, req.body),
  );
  app.get('/incidents/:incidentId/timeline', { config: { auth: 'principal' }, schema: { tags, params: Params, response: { 200: TimelineOut } } }, async (req) => ({
    items: await incidents.timeline(principalOf(req), req.params.incidentId),
  }));
  app.post(
    '/incidents/:incidentId/notes',
    { config: { auth: 'session' }, schema: { tags, params: Params, body: z.strictObject({ text: Text(5000) }), response: { 204: Empty } } },
    async (req, reply) => {
      await incidents.addNote(principalOf(req), req.params.incidentId, req.body.text);
      return reply.code(204).send();
    },
  );
  app.put(
    '/incidents/:incidentId/tasks/:position',
    {
      config: { auth: 'session' },
      schema: { tags, params: z.strictObject({ incidentId: z.uuid(), position: z.coerce.number().int().min(1).max(100) }), body: z.strictObject({ done: z.boolean() }), response: { 200: IncidentOut } },
    },
    async (req) => incidents.setTask(principalOf(req), req.params.incidentId, req.params.position, req.body.done),
  );
  app.post(
    '/incidents/:incidentId/clocks/:kind/met',
    { config: { auth: 'session' }, schema: { tags, params: z.strictObject({ incidentId: z.uuid(), kind: z.enum(CLOCK_KINDS) }), body: z.strictObject({}).nullish(), response: { 200: IncidentOut } } },
    async (req) => incidents.meetClock(principalOf(req), req.params.incidentId, req.params.kind),
  );
  app.post(
    '/incidents/:incidentId/containment',
    {
      config: { auth: 'session' },
      schema: {
        tags,
        params: Params,
        body: z.strictObject({ action: z.enum(['suspend_user', 'end_sessions', 'revoke_api_key']) }),
        response: { 200: z.object({ action: z.string(), sessionsEnded: z.number().optional() }) },
      },
    },
    async (req) => incidents.contain(principalOf(req), req.params.incidentId, req.body.action),
  );
  app.get(
    '/incidents/:incidentId/blast-radius',
    {
      config: { auth: 'principal' },
      schema: { tags, description: 'JSON, or CSV with ?format=csv', params: Params, querystring: z.strictObject({ format: z.enum(['json', 'csv']).optional() }), response: { 200: z.union([BlastOut, z.string()]) } },
    },
    async (req, reply) => {
      const b = await incidents.blastRadius(principalOf(req), req.params.incidentId);
      if (req.query.format === 'csv') {
        return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="incident-${req.params.incidentId}-blast-radius.csv"`).send(blastRadiusCsv(b));
      }
      return reply.send(b);
    },
  );
  app.get(
    '/incidents/:incidentId/report',
    {
      config: { auth: 'principal' },
      schema: { tags, description: 'Markdown, or printable HTML with ?format=html', params: Params, querystring: z.strictObject({ format: z.enum(['md', 'html']).optional() }), response: { 200: z.string() } },
    },
    async (req, reply) => {
      const input = { ...(await incidents.reportInput(principalOf(req), req.params.incidentId)), generatedAt: new Date() };
      if (req.query.format === 'html') {
        // A document of its own: no scripts, inline style only.
        return reply.type('text/html; charset=utf-8').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'").send(reportHtml(input));
      }
      return reply.type('text/markdown; charset=utf-8').header('content-disposition', `attachment; filename="incident-${input.incident.number}.md"`).send(reportMarkdown(input));
    },
  );
}
