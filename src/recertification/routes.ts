import { z } from 'zod';
import { principalOf } from '../http/auth.js';
import { NoBody } from '../http/schemas.js';
import type { AppServices } from '../http/services.js';
import type { ZodApp } from '../http/types.js';

const tags = ['recertification'];
const DECISIONS = ['confirmed', 'removed', 'removed_at_deadline', 'kept_unanswered'] as const;
const CampaignParams = z.strictObject({ campaignId: z.uuid() });
const CampaignOut = z.object({
  id: z.string(),
  status: z.enum(['open', 'completed']),
  atDeadline: z.enum(['remove', 'keep']),
  deadline: z.date(),
  openedBy: z.string(),
  openedAt: z.date(),
  closedAt: z.date().nullable(),
  closedBy: z.string().nullable(),
  brandIds: z.array(z.string()),
  counts: z.object({ items: z.number(), open: z.number(), confirmed: z.number(), removed: z.number(), removedAtDeadline: z.number(), keptUnanswered: z.number() }),
});
const ItemOut = z.object({
  id: z.string(),
  campaignId: z.string(),
  brandId: z.string(),
  kind: z.enum(['user_role', 'api_key']),
  subjectId: z.string(),
  role: z.string().nullable(),
  /** Who or what it is: the user's name and email, the key's name and public prefix. */
  label: z.string().nullable(),
  detail: z.string().nullable(),
  decision: z.enum(DECISIONS).nullable(),
  note: z.string().nullable(),
  answeredBy: z.string().nullable(),
  answeredAt: z.date().nullable(),
});
const SummaryOut = z.object({
  campaignId: z.string(),
  brandId: z.string(),
  openedAt: z.string(),
  openedBy: z.string(),
  deadline: z.string(),
  atDeadline: z.enum(['remove', 'keep']),
  closedAt: z.string(),
  closedBy: z.string(),
  items: z.number(),
  confirmed: z.number(),
  removedByReviewer: z.number(),
  removedAtDeadline: z.number(),
  keptUnanswered: z.number(),
  reviewers: z.array(z.object({ reviewer: z.string(), answered: z.number(), lastAnsweredAt: z.string() })),
  decisions: z.array(
    z.object({ itemId: z.string(), kind: z.enum(['user_role', 'api_key']), subjectId: z.string(), role: z.string().nullable(), decision: z.enum(DECISIONS), answeredBy: z.string().nullable(), answeredAt: z.string().nullable(), note: z.string().nullable() }),
  ),
});
const StatusOut = z.object({
  brandId: z.string(),
  at: z.string(),
  lastCompletedCampaignId: z.string().nullable(),
  lastCompletedAt: z.string().nullable(),
  nextDueAt: z.string().nullable(),
  overdue: z.boolean(),
  openCampaignId: z.string().nullable(),
  lastCampaign: z.object({ items: z.number(), confirmed: z.number(), removedByReviewer: z.number(), removedAtDeadline: z.number(), keptUnanswered: z.number(), reviewers: z.number() }).nullable(),
});

/** Access recertification: open a campaign, answer items, close, download the evidence, see when each brand is due. */
export function recertRoutes(app: ZodApp, { recertification }: AppServices): void {
  app.post(
    '/recertification/campaigns',
    {
      config: { auth: 'session' },
      schema: {
        tags,
        body: z.strictObject({ brandIds: z.array(z.uuid()).min(1).max(100), deadlineDays: z.number().int().min(1).max(90).optional(), atDeadline: z.enum(['remove', 'keep']).optional() }),
        response: { 201: CampaignOut },
      },
    },
    async (req, reply) => reply.code(201).send(await recertification.open(principalOf(req), req.body)),
  );
  app.get('/recertification/campaigns', { config: { auth: 'session' }, schema: { tags, response: { 200: z.object({ items: z.array(CampaignOut) }) } } }, async (req) => ({
    items: await recertification.list(principalOf(req)),
  }));
  app.get('/recertification/status', { config: { auth: 'session' }, schema: { tags, response: { 200: z.object({ items: z.array(StatusOut) }) } } }, async (req) => ({
    items: await recertification.status(principalOf(req)),
  }));
  app.get('/recertification/campaigns/:campaignId', { config: { auth: 'session' }, schema: { tags, params: CampaignParams, response: { 200: CampaignOut } } }, async (req) =>
    recertification.get(principalOf(req), req.params.campaignId),
  );
  app.get(
    '/recertification/campaigns/:campaignId/items',
    { config: { auth: 'session' }, schema: { tags, params: CampaignParams, querystring: z.strictObject({ open: z.enum(['true', 'false']).optional() }), response: { 200: z.object({ items: z.array(ItemOut) }) } } },
    async (req) => ({ items: await recertification.items(principalOf(req), req.params.campaignId, { open: req.query.open === 'true' }) }),
  );
  app.post(
    '/recertification/items/:itemId/decision',
    {
      config: { auth: 'session' },
      schema: { tags, params: z.strictObject({ itemId: z.uuid() }), body: z.strictObject({ decision: z.enum(['confirm', 'remove']), note: z.string().trim().min(1).max(1000).optional() }), response: { 200: ItemOut } },
    },
    async (req) => recertification.answer(principalOf(req), req.params.itemId, req.body),
  );
  app.post('/recertification/campaigns/:campaignId/close', { config: { auth: 'session' }, schema: { tags, params: CampaignParams, body: NoBody, response: { 200: CampaignOut } } }, async (req) =>
    recertification.close(principalOf(req), req.params.campaignId),
  );
  app.get(
    '/recertification/campaigns/:campaignId/evidence',
    { config: { auth: 'session' }, schema: { tags, params: CampaignParams, response: { 200: z.object({ campaignId: z.string(), brands: z.array(SummaryOut) }) } } },
    async (req, reply) => {
      const evidence = await recertification.evidence(principalOf(req), req.params.campaignId);
      void reply.header('content-disposition', `attachment; filename="recertification-${evidence.campaignId}.json"`);
      return evidence;
    },
  );
}
