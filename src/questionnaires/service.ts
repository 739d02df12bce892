import { brandsAllowed, isAllowed, isUuid, type Principal } from '../access/index.js';
import { eventContext, recordAlone, type AuditLog } from '../audit/index.js';
import { CallvaultError } from '../errors.js';
import type { Db, Queryable } from '../db/types.js';
import type { Vault } from '../vault/index.js';
import { markVendorReviewed } from '../vendors/review-dates.js';
import { DEFAULT_DEFINITION, findDefinition } from './definitions/index.js';
import type { Definition } from './engine/index.js';
import { questionnaireErrors as err } from './errors.js';
import * as data from './questionnaires-data.js';
import { linkTokenHash, newLinkToken } from './tokens.js';
import { toView, type NewLink, type QuestionnaireView } from './views.js';

export interface QuestionnaireDeps {
  db: Db;
  vault: Vault;
  audit: AuditLog;
  /** Where the console is served: links are `<publicUrl>/#/questionnaire/<token>`. */
  publicUrl: string;
  /** Days a link stays valid when the sender does not say (default 14). */
  defaultLinkDays?: number;
  now?: () => Date;
}

export interface QuestionnaireService {
  send(p: Principal, input: { vendorId: string; expiresInDays?: number }): Promise<{ questionnaire: QuestionnaireView; link: NewLink }>;
  list(p: Principal, filter: { vendorId?: string; status?: data.QuestionnaireStatus; limit?: number; offset?: number }): Promise<QuestionnaireView[]>;
  get(p: Principal, id: string): Promise<QuestionnaireView>;
  /** A fresh link for a questionnaire still waiting for answers (the old one stops working). */
  renewLink(p: Principal, id: string, expiresInDays?: number): Promise<{ questionnaire: QuestionnaireView; link: NewLink }>;
  /** Accepts submitted answers: the vendor's risk and next review date follow from the score. */
  accept(p: Principal, id: string, comment?: string): Promise<{ questionnaire: QuestionnaireView; nextReviewAt: string }>;
  /** Reopens submitted answers with a comment for the vendor and a new link. */
  askAgain(p: Principal, id: string, input: { comment: string; expiresInDays?: number }): Promise<{ questionnaire: QuestionnaireView; link: NewLink }>;
  reject(p: Principal, id: string, comment?: string): Promise<QuestionnaireView>;
}

const DAY_MS = 86_400_000;
const ref = (p: Principal) => `${p.actor.kind}:${p.actor.id}`;
const forbidden = () => new CallvaultError('forbidden', 'access.forbidden', 'not allowed');

export function definitionOf(q: { definitionId: string; definitionVersion: number }): Definition {
  const def = findDefinition(q.definitionId, q.definitionVersion);
  // A shipped definition is never removed; reaching this means the repository lost a file.
  if (!def) throw new CallvaultError('internal', 'questionnaire.definition_missing', 'The questionnaire definition is missing from this installation');
  return def;
}

export function createQuestionnaireService(deps: QuestionnaireDeps): QuestionnaireService {
  const { db, vault, audit } = deps;
  const now = deps.now ?? (() => new Date());
  const defaultDays = deps.defaultLinkDays ?? 14;

  /** Vendors are installation-wide; a brand's auditor reads those that touch one of their brands. */
  async function mayRead(p: Principal, vendorId: string): Promise<boolean> {
    if (isAllowed(p, 'vendor.read', null)) return true;
    const brands = brandsAllowed(p, 'vendor.read') ?? [];
    if (brands.length === 0) return false;
    const { rows } = await db.query('SELECT 1 FROM vendor_brands WHERE vendor_id = $1 AND brand_id = ANY($2::uuid[]) LIMIT 1', [vendorId, brands]);
    return rows.length > 0;
  }

  async function deny(p: Principal, action: string, id?: string): Promise<never> {
    await recordAlone({ db, audit }, { ...eventContext(p), action, brandId: null, outcome: 'denied', ...(id && { target: { type: 'questionnaire', id } }), details: { permission: action === 'questionnaire.read' || action === 'questionnaire.list' ? 'vendor.read' : 'vendor.manage' } });
    throw forbidden();
  }

  async function manageable(p: Principal, id: string, action: string): Promise<data.QuestionnaireRecord> {
    if (!isAllowed(p, 'vendor.manage', null)) await deny(p, action, isUuid(id) ? id : undefined);
    const q = isUuid(id) ? await data.findQuestionnaire(db, id) : null;
    if (!q) throw err.not_found();
    return q;
  }

  async function view(q: Queryable, id: string, withAnswers = false): Promise<QuestionnaireView> {
    const r = (await data.findQuestionnaire(q, id))!;
    const v = toView(r, definitionOf(r), await data.latestLink(q, id), await data.loadComment(vault, q, id), now());
    return withAnswers ? { ...v, answers: await data.loadAnswers(vault, q, id) } : v;
  }

  async function issueLink(tx: Queryable, p: Principal, questionnaireId: string, days: number | undefined, t: Date): Promise<NewLink & { id: string }> {
    const token = newLinkToken();
    const expiresAt = new Date(t.getTime() + (days ?? defaultDays) * DAY_MS);
    const id = await data.insertLink(tx, { questionnaireId, tokenHash: linkTokenHash(token), expiresAt, createdBy: ref(p) }, t);
    return { id, token, url: `${deps.publicUrl}/#/questionnaire/${token}`, expiresAt: expiresAt.toISOString() };
  }

  const record = (tx: Queryable, p: Principal, action: string, id: string, details: Record<string, string | number | boolean | null>) =>
    audit.append(tx, { ...eventContext(p), action, brandId: null, outcome: 'success', target: { type: 'questionnaire', id }, details });

  /** Moves submitted answers on, under a row lock so two reviewers cannot both decide. */
  async function decide<T>(p: Principal, id: string, action: string, fn: (tx: Queryable, q: data.QuestionnaireRecord, t: Date) => Promise<T>): Promise<T> {
    await manageable(p, id, action);
    return db.transaction(async (tx) => {
      const q = (await data.findQuestionnaire(tx, id, true))!;
      if (q.status !== 'submitted') throw err.bad_state(`Only submitted answers can be reviewed (this questionnaire is ${q.status})`);
      return fn(tx, q, now());
    });
  }

  return {
    async send(p, input) {
      if (!isAllowed(p, 'vendor.manage', null)) await deny(p, 'questionnaire.send');
      const t = now();
      const { id, link } = await db.transaction(async (tx) => {
        const vendor = isUuid(input.vendorId) ? (await tx.query<{ status: string }>('SELECT status FROM vendors WHERE id = $1 FOR UPDATE', [input.vendorId])).rows[0] : undefined;
        if (!vendor) throw err.vendor_not_found();
        if (vendor.status !== 'active') throw err.vendor_revoked();
        const open = await tx.query("SELECT 1 FROM questionnaires WHERE vendor_id = $1 AND status IN ('sent', 'submitted') LIMIT 1", [input.vendorId]);
        if (open.rows.length > 0) throw err.already_open();
        const id = await data.insertQuestionnaire(tx, { vendorId: input.vendorId, definition: DEFAULT_DEFINITION, sentBy: ref(p) }, t);
        const link = await issueLink(tx, p, id, input.expiresInDays, t);
        await record(tx, p, 'questionnaire.send', id, { vendorId: input.vendorId, definition: `${DEFAULT_DEFINITION.id}@${DEFAULT_DEFINITION.version}`, linkId: link.id, expiresAt: link.expiresAt });
        return { id, link };
      });
      return { questionnaire: await view(db, id), link: { token: link.token, url: link.url, expiresAt: link.expiresAt } };
    },

    async list(p, filter) {
      let vendorIds: string[] | null = null;
      if (!isAllowed(p, 'vendor.read', null)) {
        const brands = brandsAllowed(p, 'vendor.read') ?? [];
        if (brands.length === 0) await deny(p, 'questionnaire.list');
        vendorIds = (await db.query<{ vendor_id: string }>('SELECT DISTINCT vendor_id FROM vendor_brands WHERE brand_id = ANY($1::uuid[])', [brands])).rows.map((r) => r.vendor_id);
      }
      const rows = await data.listQuestionnaires(db, {
        vendorIds,
        ...(filter.vendorId && { vendorId: filter.vendorId }),
        ...(filter.status && { status: filter.status }),
        limit: Math.min(Math.max(filter.limit ?? 50, 1), 200),
        offset: Math.max(filter.offset ?? 0, 0),
      });
      return Promise.all(rows.map((r) => view(db, r.id)));
    },

    async get(p, id) {
      const q = isUuid(id) ? await data.findQuestionnaire(db, id) : null;
      if (!q) throw err.not_found();
      if (!(await mayRead(p, q.vendorId))) await deny(p, 'questionnaire.read', id);
      const v = await view(db, id, true);
      await recordAlone({ db, audit }, { ...eventContext(p), action: 'questionnaire.read', brandId: null, outcome: 'success', target: { type: 'questionnaire', id } });
      return v;
    },

    async renewLink(p, id, expiresInDays) {
      await manageable(p, id, 'questionnaire.link');
      const link = await db.transaction(async (tx) => {
        const q = (await data.findQuestionnaire(tx, id, true))!;
        if (q.status !== 'sent') throw err.bad_state('A new link is for a questionnaire still waiting for answers');
        const l = await issueLink(tx, p, id, expiresInDays, now());
        await record(tx, p, 'questionnaire.link', id, { linkId: l.id, expiresAt: l.expiresAt });
        return l;
      });
      return { questionnaire: await view(db, id), link: { token: link.token, url: link.url, expiresAt: link.expiresAt } };
    },

    async accept(p, id, comment) {
      const next = await decide(p, id, 'questionnaire.accept', async (tx, q, t) => {
        const score = q.riskScore ?? 0;
        const vendor = (await tx.query('SELECT 1 FROM vendors WHERE id = $1', [q.vendorId])).rows[0];
        if (!vendor) throw err.vendor_not_found();
        const { nextReviewAt } = await markVendorReviewed(tx, q.vendorId, score, t);
        await data.updateState(tx, id, { status: 'accepted', reviewedBy: ref(p), reviewedAt: t }, t);
        if (comment !== undefined) await data.setComment(vault, tx, id, comment);
        await record(tx, p, 'questionnaire.accept', id, { vendorId: q.vendorId, riskScore: score, nextReviewAt: nextReviewAt.toISOString() });
        return nextReviewAt;
      });
      return { questionnaire: await view(db, id), nextReviewAt: next.toISOString() };
    },

    async askAgain(p, id, input) {
      const link = await decide(p, id, 'questionnaire.ask_again', async (tx, q, t) => {
        // The answers stay as the vendor's draft for the next round; findings wait for the new submission.
        await data.updateState(tx, id, { status: 'sent', round: q.round + 1, submittedAt: null, findings: null, riskScore: null, reviewedBy: ref(p), reviewedAt: t }, t);
        await data.setComment(vault, tx, id, input.comment);
        const l = await issueLink(tx, p, id, input.expiresInDays, t);
        await record(tx, p, 'questionnaire.ask_again', id, { vendorId: q.vendorId, round: q.round + 1, linkId: l.id, commentLength: input.comment.length });
        return l;
      });
      return { questionnaire: await view(db, id), link: { token: link.token, url: link.url, expiresAt: link.expiresAt } };
    },

    async reject(p, id, comment) {
      await decide(p, id, 'questionnaire.reject', async (tx, q, t) => {
        await data.updateState(tx, id, { status: 'rejected', reviewedBy: ref(p), reviewedAt: t }, t);
        if (comment !== undefined) await data.setComment(vault, tx, id, comment);
        await record(tx, p, 'questionnaire.reject', id, { vendorId: q.vendorId, riskScore: q.riskScore });
      });
      return view(db, id);
    },
  };
}
