import { z } from 'zod';
import { principalOf, requestContext } from '../http/auth.js';
import type { AppServices } from '../http/services.js';
import type { ZodApp } from '../http/types.js';
import { SEVERITIES } from './engine/index.js';
import { STATUSES } from './questionnaires-data.js';

const tags = ['questionnaires'];
const Params = z.strictObject({ questionnaireId: z.uuid() });
const Days = z.number().int().min(1).max(90);
const Comment = z.string().trim().min(1).max(5000);
const AnswerValue = z.union([z.boolean(), z.number(), z.string().max(10_000), z.array(z.string().max(200)).max(50)]);
const AnswersIn = z.record(z.string().max(64), AnswerValue).refine((a) => Object.keys(a).length <= 500, 'at most 500 answers');
/** The link's token travels in a header, never in a URL, so proxies and access logs do not record it. */
// Optional and loosely typed on purpose: a missing or mangled token gets the same clear 404 as an unknown one.
const TokenHeaders = z.object({ 'x-questionnaire-token': z.string().max(200).optional() });

const FindingOut = z.object({ ruleId: z.string(), questionId: z.string(), severity: z.enum(SEVERITIES), title: z.string(), controls: z.array(z.string()), recommendation: z.string().optional() });
const QuestionnaireOut = z.object({
  id: z.string(),
  vendorId: z.string(),
  vendorName: z.string(),
  definition: z.object({ id: z.string(), version: z.number(), title: z.string() }),
  status: z.enum(STATUSES),
  round: z.number(),
  sentBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  draftSavedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  findings: z.array(FindingOut),
  riskScore: z.number().nullable(),
  riskLevel: z.enum(SEVERITIES).nullable(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
  link: z.object({ id: z.string(), expiresAt: z.string(), usedAt: z.string().nullable(), state: z.enum(['active', 'expired', 'used', 'revoked']) }).nullable(),
  answers: z.record(z.string(), AnswerValue).optional(),
});
const NewLinkOut = z.object({ token: z.string(), url: z.string(), expiresAt: z.string() });
const WithLink = z.object({ questionnaire: QuestionnaireOut, link: NewLinkOut });

/** Reviewers (vendor.manage) send and decide; auditors (vendor.read) read; vendor contacts answer through their link. */
export function questionnaireRoutes(app: ZodApp, { questionnaires, questionnaireAnswers }: AppServices): void {
  app.get(
    '/questionnaires',
    {
      config: { auth: 'session' },
      schema: { tags, querystring: z.strictObject({ vendorId: z.uuid().optional(), status: z.enum(STATUSES).optional(), limit: z.coerce.number().int().min(1).max(200).optional(), offset: z.coerce.number().int().min(0).max(100_000).optional() }), response: { 200: z.object({ items: z.array(QuestionnaireOut) }) } },
    },
    async (req) => ({ items: await questionnaires.list(principalOf(req), req.query) }),
  );
  app.post(
    '/questionnaires',
    { config: { auth: 'session' }, schema: { tags, body: z.strictObject({ vendorId: z.uuid(), expiresInDays: Days.optional() }), response: { 201: WithLink } } },
    async (req, reply) => reply.code(201).send(await questionnaires.send(principalOf(req), req.body)),
  );
  app.get('/questionnaires/:questionnaireId', { config: { auth: 'session' }, schema: { tags, params: Params, response: { 200: QuestionnaireOut } } }, async (req) =>
    questionnaires.get(principalOf(req), req.params.questionnaireId),
  );
  app.post(
    '/questionnaires/:questionnaireId/link',
    { config: { auth: 'session' }, schema: { tags, params: Params, body: z.strictObject({ expiresInDays: Days.optional() }).nullish(), response: { 200: WithLink } } },
    async (req) => questionnaires.renewLink(principalOf(req), req.params.questionnaireId, req.body?.expiresInDays),
  );
  app.post(
    '/questionnaires/:questionnaireId/accept',
    { config: { auth: 'session' }, schema: { tags, params: Params, body: z.strictObject({ comment: Comment.optional() }).nullish(), response: { 200: z.object({ questionnaire: QuestionnaireOut, nextReviewAt: z.string() }) } } },
    async (req) => questionnaires.accept(principalOf(req), req.params.questionnaireId, req.body?.comment),
  );
  app.post(
    '/questionnaires/:questionnaireId/ask-again',
    { config: { auth: 'session' }, schema: { tags, params: Params, body: z.strictObject({ comment: Comment, expiresInDays: Days.optional() }), response: { 200: WithLink } } },
    async (req) => questionnaires.askAgain(principalOf(req), req.params.questionnaireId, req.body),
  );
  app.post(
    '/questionnaires/:questionnaireId/reject',
    { config: { auth: 'session' }, schema: { tags, params: Params, body: z.strictObject({ comment: Comment.optional() }).nullish(), response: { 200: QuestionnaireOut } } },
    async (req) => questionnaires.reject(principalOf(req), req.params.questionnaireId, req.body?.comment),
  );

  // Public: the vendor contact has no account; the token in the header is the only credential.
  app.get(
    '/questionnaire-link',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        headers: TokenHeaders,
        response: {
          200: z.object({ questionnaireId: z.string(), vendorName: z.string(), round: z.number(), expiresAt: z.string(), definition: z.record(z.string(), z.unknown()), answers: z.record(z.string(), AnswerValue), draftSavedAt: z.string().nullable(), reviewComment: z.string().nullable() }),
        },
      },
    },
    async (req) => {
      const q = await questionnaireAnswers.open(req.headers['x-questionnaire-token'] ?? '', requestContext(req));
      return { ...q, definition: q.definition as unknown as Record<string, unknown> };
    },
  );
  app.put(
    '/questionnaire-link/answers',
    { config: { auth: 'public' }, schema: { tags, headers: TokenHeaders, body: z.strictObject({ answers: AnswersIn }), response: { 200: z.object({ draftSavedAt: z.string() }) } } },
    async (req) => questionnaireAnswers.saveDraft(req.headers['x-questionnaire-token'] ?? '', req.body.answers, requestContext(req)),
  );
  app.post(
    '/questionnaire-link/submit',
    { config: { auth: 'public' }, schema: { tags, headers: TokenHeaders, body: z.strictObject({ answers: AnswersIn }), response: { 200: z.object({ submittedAt: z.string(), findings: z.number() }) } } },
    async (req) => questionnaireAnswers.submit(req.headers['x-questionnaire-token'] ?? '', req.body.answers, requestContext(req)),
  );
}
