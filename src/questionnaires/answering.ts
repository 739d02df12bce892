import type { RateLimiter, RequestContext } from '../access/index.js';
import { recordAlone, type AuditEventInput, type AuditLog } from '../audit/index.js';
import type { Db, Queryable } from '../db/types.js';
import type { Vault } from '../vault/index.js';
import { findingsOf, riskScore, validateAnswers, type Answers, type AnswerValue, type Definition, type Finding } from './engine/index.js';
import { questionnaireErrors as err } from './errors.js';
import * as data from './questionnaires-data.js';
import { definitionOf } from './service.js';
import { linkTokenHash, TOKEN_PATTERN } from './tokens.js';
import { linkState } from './views.js';

/** What the vendor contact sees through the link: the questions, their draft and the reviewer's comment. */
export interface LinkQuestionnaire {
  questionnaireId: string;
  vendorName: string;
  round: number;
  expiresAt: string;
  definition: Definition;
  answers: Record<string, AnswerValue>;
  draftSavedAt: string | null;
  /** Set when the reviewer asked again: what to change. */
  reviewComment: string | null;
}

export interface AnsweringLimits {
  /** Requests per address per window, all links together (guessing tokens is pointless, but costs). */
  perIp: number;
  /** Requests per link per window. */
  perLink: number;
  windowSeconds: number;
}
const DEFAULT_LIMITS: AnsweringLimits = { perIp: 120, perLink: 240, windowSeconds: 600 };

export interface AnsweringService {
  open(token: string, from: RequestContext): Promise<LinkQuestionnaire>;
  saveDraft(token: string, answers: Answers, from: RequestContext): Promise<{ draftSavedAt: string }>;
  submit(token: string, answers: Answers, from: RequestContext): Promise<{ submittedAt: string; findings: number }>;
}

type Actor = AuditEventInput['actor'];
const ANONYMOUS: Actor = { kind: 'system', id: 'unauthenticated' };

/**
 * The vendor's side, through the link and without an account: every call is rate limited by
 * address and by link, refused clearly when the link is unknown, expired, replaced or used, and
 * audited with the link as the actor.
 */
export function createAnsweringService(deps: { db: Db; vault: Vault; audit: AuditLog; rateLimiter: RateLimiter; limits?: Partial<AnsweringLimits>; now?: () => Date }): AnsweringService {
  const { db, vault, audit, rateLimiter } = deps;
  const limits = { ...DEFAULT_LIMITS, ...deps.limits };
  const now = deps.now ?? (() => new Date());

  const event = (actor: Actor, from: RequestContext, action: string, outcome: 'success' | 'failure', questionnaireId: string | null, details: Record<string, string | number | boolean | null>) => ({
    actor,
    action,
    brandId: null,
    outcome,
    ...(questionnaireId && { target: { type: 'questionnaire', id: questionnaireId } }),
    ...(from.ip !== undefined && { ip: from.ip }),
    ...(from.userAgent !== undefined && { userAgent: from.userAgent }),
    ...(from.requestId !== undefined && { requestId: from.requestId }),
    details,
  });

  async function limit(key: string, max: number): Promise<void> {
    const r = await rateLimiter.hit(key, max, limits.windowSeconds);
    if (!r.allowed) throw err.rate_limited(undefined, r.retryAfterSeconds);
  }

  /** Resolves a token to a link that may still be used, or refuses with the reason (audited). */
  async function resolve(q: Queryable, token: string, action: string, from: RequestContext): Promise<{ link: data.LinkRecord; qn: data.QuestionnaireRecord }> {
    if (from.ip) await limit(`questionnaire:ip:${from.ip}`, limits.perIp);
    const hash = linkTokenHash(token);
    // The link key is the token's hash: counters are not a list of tokens.
    await limit(`questionnaire:link:${hash.toString('hex').slice(0, 32)}`, limits.perLink);
    const link = TOKEN_PATTERN.test(token) ? await data.linkByHash(q, hash) : null;
    if (!link) {
      await recordAlone({ db, audit }, event(ANONYMOUS, from, action, 'failure', null, { reason: 'unknown_link' }));
      throw err.link_not_found();
    }
    const qn = (await data.findQuestionnaire(q, link.questionnaireId))!;
    const state = linkState(link, now());
    const refusal = state === 'used' || (state === 'active' && qn.status !== 'sent') ? 'used' : state === 'active' ? null : state;
    if (refusal) {
      await recordAlone({ db, audit }, event({ kind: 'questionnaire_link', id: link.id }, from, action, 'failure', qn.id, { reason: `link_${refusal}` }));
      throw refusal === 'expired' ? err.link_expired() : refusal === 'revoked' ? err.link_replaced() : err.link_used();
    }
    return { link, qn };
  }

  /** Inside the change's transaction: locks the link and its questionnaire and checks nothing moved since `resolve`. */
  async function relock(tx: Queryable, token: string): Promise<{ link: data.LinkRecord; qn: data.QuestionnaireRecord }> {
    const link = (await data.linkByHash(tx, linkTokenHash(token), true))!;
    const qn = (await data.findQuestionnaire(tx, link.questionnaireId, true))!;
    if (linkState(link, now()) !== 'active' || qn.status !== 'sent') throw err.link_used();
    return { link, qn };
  }

  function check(def: Definition, answers: Answers, complete: boolean): void {
    const errors = validateAnswers(def, answers, { complete, now: now() });
    if (errors.length === 0) return;
    // Question ids and rules only: the message never repeats an answer.
    const shown = errors.slice(0, 10).map((e) => e.message);
    throw err.invalid_answers(`The answers do not fit the questionnaire: ${shown.join('; ')}${errors.length > 10 ? ` (and ${errors.length - 10} more)` : ''}`);
  }

  return {
    async open(token, from) {
      const { link, qn } = await resolve(db, token, 'questionnaire.open', from);
      const out: LinkQuestionnaire = {
        questionnaireId: qn.id,
        vendorName: qn.vendorName,
        round: qn.round,
        expiresAt: link.expiresAt,
        definition: definitionOf(qn),
        answers: await data.loadAnswers(vault, db, qn.id),
        draftSavedAt: qn.draftSavedAt,
        reviewComment: qn.round > 1 ? await data.loadComment(vault, db, qn.id) : null,
      };
      await recordAlone({ db, audit }, event({ kind: 'questionnaire_link', id: link.id }, from, 'questionnaire.open', 'success', qn.id, { round: qn.round }));
      return out;
    },

    async saveDraft(token, answers, from) {
      const t = now();
      await resolve(db, token, 'questionnaire.draft', from);
      return db.transaction(async (tx) => {
        const { link, qn } = await relock(tx, token);
        const def = definitionOf(qn);
        check(def, answers, false);
        await data.saveAnswers(vault, tx, qn.id, def, answers, t);
        await audit.append(tx, event({ kind: 'questionnaire_link', id: link.id }, from, 'questionnaire.draft', 'success', qn.id, { answered: Object.keys(answers).length }));
        return { draftSavedAt: t.toISOString() };
      });
    },

    async submit(token, answers, from) {
      const t = now();
      await resolve(db, token, 'questionnaire.submit', from);
      return db.transaction(async (tx) => {
        // Locked: two tabs submitting at once give one submission and one "already submitted".
        const { link, qn } = await relock(tx, token);
        const def = definitionOf(qn);
        check(def, answers, true);
        const findings: Finding[] = findingsOf(def, answers, t);
        const score = riskScore(def, findings);
        await data.saveAnswers(vault, tx, qn.id, def, answers, t);
        await data.updateState(tx, qn.id, { status: 'submitted', submittedAt: t, findings, riskScore: score }, t);
        await data.markLinkUsed(tx, link.id, t);
        await audit.append(tx, event({ kind: 'questionnaire_link', id: link.id }, from, 'questionnaire.submit', 'success', qn.id, { round: qn.round, findings: findings.length, riskScore: score }));
        return { submittedAt: t.toISOString(), findings: findings.length };
      });
    },
  };
}
