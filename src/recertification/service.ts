import { randomUUID } from 'node:crypto';
import { brandGrants, brandsAllowed, grantLabels, isAllowed, isUuid, removeBrandAssignment, revokeBrandApiKey, type Principal } from '../access/index.js';
import { authorize, eventContext, recordAlone, type AuditLog } from '../audit/index.js';
import type { Db, Queryable } from '../db/types.js';
import { recertificationEvidence, type RecertificationEvidence } from './evidence.js';
import { recertErrors } from './errors.js';
import * as data from './recert-data.js';
import { brandSummary, type BrandSummary } from './summary.js';

export interface RecertDeps {
  db: Db;
  audit: AuditLog;
  now?: () => Date;
}

export interface NewCampaign {
  brandIds: string[];
  /** Days until the deadline (default 14). */
  deadlineDays?: number;
  /** Unanswered items at the deadline: removed (default) or kept and marked unanswered. */
  atDeadline?: data.AtDeadline;
}
export interface Counts {
  items: number;
  open: number;
  confirmed: number;
  removed: number;
  removedAtDeadline: number;
  keptUnanswered: number;
}
export type CampaignView = data.CampaignRecord & { counts: Counts };
export type ItemView = data.ItemRecord & { label: string | null; detail: string | null };

export interface RecertService {
  open(principal: Principal, input: NewCampaign): Promise<CampaignView>;
  list(principal: Principal): Promise<CampaignView[]>;
  get(principal: Principal, campaignId: string): Promise<CampaignView>;
  /** Items of the brands the principal reviews or watches (`open`: unanswered only). */
  items(principal: Principal, campaignId: string, filter?: { open?: boolean }): Promise<ItemView[]>;
  answer(principal: Principal, itemId: string, input: { decision: 'confirm' | 'remove'; note?: string }): Promise<ItemView>;
  /** Closes now (a security admin ending a campaign early): unanswered items go per its rule. Idempotent. */
  close(principal: Principal, campaignId: string): Promise<CampaignView>;
  /** Periodic: closes campaigns past their deadline or fully answered. Safe on several nodes. Returns how many closed. */
  closeDue(): Promise<number>;
  evidence(principal: Principal, campaignId: string): Promise<{ campaignId: string; brands: BrandSummary[] }>;
  /** When each visible brand is next due (six months after its last completed campaign). */
  status(principal: Principal): Promise<RecertificationEvidence[]>;
}

const SYSTEM: Principal = { actor: { kind: 'system', id: 'recertification' }, isSecurityAdmin: false, roles: new Map() };
const ref = (p: Principal) => `${p.actor.kind}:${p.actor.id}`;
const VIEWER_ACTIONS = ['recert.read', 'recert.respond', 'recert.manage'] as const;

export function createRecertService(deps: RecertDeps): RecertService {
  const { db, audit } = deps;
  const now = deps.now ?? (() => new Date());

  /** Brands whose recertification the principal may see (null: all): auditors read, supervisors respond, admins manage. */
  function visible(p: Principal): string[] | null {
    const sets = VIEWER_ACTIONS.map((a) => brandsAllowed(p, a));
    if (sets.some((s) => s === null)) return null;
    return [...new Set(sets.flatMap((s) => s ?? []))];
  }
  const seen = (p: Principal, brandIds: readonly string[]) => {
    const v = visible(p);
    return v === null ? [...brandIds] : brandIds.filter((b) => v.includes(b));
  };

  async function counts(q: Queryable, c: data.CampaignRecord, brandIds: string[]): Promise<Counts> {
    const items = await data.itemsOf(q, c.id, brandIds);
    const n = (d: data.Decision | null) => items.filter((i) => i.decision === d).length;
    return { items: items.length, open: n(null), confirmed: n('confirmed'), removed: n('removed'), removedAtDeadline: n('removed_at_deadline'), keptUnanswered: n('kept_unanswered') };
  }
  async function view(q: Queryable, p: Principal, c: data.CampaignRecord): Promise<CampaignView> {
    const brandIds = seen(p, c.brandIds);
    return { ...c, brandIds, counts: await counts(q, c, brandIds) };
  }

  /** A campaign with a brand the principal sees; others' look not found (and the attempt is audited). */
  async function load(p: Principal, id: string, verb: string): Promise<data.CampaignRecord> {
    const c = isUuid(id) ? await data.findCampaign(db, id) : null;
    if (!c) throw recertErrors.campaign_not_found();
    if (seen(p, c.brandIds).length === 0) {
      await recordAlone({ db, audit }, { ...eventContext(p), action: verb, brandId: c.brandIds[0] ?? null, outcome: 'denied', target: { type: 'recert_campaign', id } });
      throw recertErrors.campaign_not_found();
    }
    return c;
  }

  /**
   * Names for the reviewer: a user's name and e-mail only to those who may list the brand's users
   * (supervisors, admins; auditors see ids), a key's name and public prefix to anyone who sees the item.
   */
  async function withLabels(q: Queryable, p: Principal, items: data.ItemRecord[]): Promise<ItemView[]> {
    const named = (i: data.ItemRecord) => i.kind === 'api_key' || isAllowed(p, 'user.read', i.brandId);
    const shown = items.filter(named);
    const labels = await grantLabels(q, shown.filter((i) => i.kind === 'user_role').map((i) => i.subjectId), shown.filter((i) => i.kind === 'api_key').map((i) => i.subjectId));
    return items.map((i) => {
      const l = named(i) ? labels.get(i.subjectId) : undefined;
      return { ...i, label: l?.label ?? null, detail: l?.detail ?? null };
    });
  }

  /** Takes the access away through access's own functions, audited as access audits it (plus the campaign's id). */
  async function removeAccess(tx: Queryable, p: Principal, item: data.ItemRecord, atDeadline: boolean): Promise<void> {
    const details = { campaignId: item.campaignId, recertItemId: item.id, atDeadline };
    if (item.kind === 'user_role') {
      const was = await removeBrandAssignment(tx, item.subjectId, item.brandId);
      await audit.append(tx, { ...eventContext(p), action: 'user.assign', brandId: item.brandId, outcome: 'success', target: { type: 'user', id: item.subjectId }, details: { ...details, role: null, hadAccess: was !== null } });
    } else {
      const live = await revokeBrandApiKey(tx, item.subjectId, item.brandId, now());
      await audit.append(tx, { ...eventContext(p), action: 'apikey.revoke', brandId: item.brandId, outcome: 'success', target: { type: 'api_key', id: item.subjectId }, details: { ...details, hadAccess: live } });
    }
  }

  /** Decides the unanswered items per the rule, writes each brand's summary and completes the campaign (in `tx`, campaign row locked). */
  async function closeIn(tx: Queryable, p: Principal, c: data.CampaignRecord): Promise<void> {
    const at = now();
    for (const item of await data.itemsOf(tx, c.id, null, true)) {
      const decision = c.atDeadline === 'remove' ? 'removed_at_deadline' : 'kept_unanswered';
      if (!(await data.answerItem(tx, item.id, decision, null, null, at))) continue;
      if (decision === 'removed_at_deadline') await removeAccess(tx, p, item, true);
    }
    const items = await data.itemsOf(tx, c.id, null);
    const summaries = new Map(c.brandIds.map((b) => [b, brandSummary(c, b, items, ref(p), at)] as const));
    await data.completeCampaign(tx, c.id, ref(p), at, summaries);
    for (const [brandId, s] of summaries) {
      await audit.append(tx, {
        ...eventContext(p),
        action: 'recert.campaign.close',
        brandId,
        outcome: 'success',
        target: { type: 'recert_campaign', id: c.id },
        details: { items: s.items, confirmed: s.confirmed, removedByReviewer: s.removedByReviewer, removedAtDeadline: s.removedAtDeadline, keptUnanswered: s.keptUnanswered },
      });
    }
  }

  return {
    async open(p, input) {
      const brandIds = [...new Set(input.brandIds.map((b) => b.toLowerCase()))].sort();
      if (brandIds.length === 0) throw recertErrors.brand_not_found('brandIds: at least one brand');
      for (const b of brandIds) await authorize({ db, audit }, p, 'recert.manage', b, { action: 'recert.campaign.open' });
      if ((await data.existingBrands(db, brandIds)).length !== brandIds.length) throw recertErrors.brand_not_found();
      const at = now();
      const c = { id: randomUUID(), atDeadline: input.atDeadline ?? 'remove', deadline: new Date(at.getTime() + (input.deadlineDays ?? 14) * 86_400_000), openedBy: ref(p), openedAt: at, brandIds };
      return db.transaction(async (tx) => {
        if (await data.openCampaignOn(tx, brandIds)) throw recertErrors.already_open();
        await data.insertCampaign(tx, c);
        // The snapshot: what each brand's reviewers are asked about is what existed at opening.
        const grants = await brandGrants(tx, brandIds, at);
        for (const g of grants) await data.insertItem(tx, { id: randomUUID(), campaignId: c.id, brandId: g.brandId, kind: g.kind, subjectId: g.subjectId, role: g.role });
        for (const b of brandIds) {
          const mine = grants.filter((g) => g.brandId === b);
          await audit.append(tx, {
            ...eventContext(p),
            action: 'recert.campaign.open',
            brandId: b,
            outcome: 'success',
            target: { type: 'recert_campaign', id: c.id },
            details: { users: mine.filter((g) => g.kind === 'user_role').length, apiKeys: mine.filter((g) => g.kind === 'api_key').length, deadline: c.deadline.toISOString(), atDeadline: c.atDeadline },
          });
        }
        return view(tx, p, { ...c, status: 'open', closedAt: null, closedBy: null });
      });
    },

    async list(p) {
      const brands = visible(p);
      if (brands !== null && brands.length === 0) await authorize({ db, audit }, p, 'recert.read', null, { action: 'recert.campaign.list' });
      const campaigns = await data.listCampaigns(db, brands, 200);
      return Promise.all(campaigns.map((c) => view(db, p, c)));
    },

    async get(p, id) {
      return view(db, p, await load(p, id, 'recert.campaign.read'));
    },

    async items(p, id, filter = {}) {
      const c = await load(p, id, 'recert.items.read');
      return withLabels(db, p, await data.itemsOf(db, c.id, seen(p, c.brandIds), filter.open === true));
    },

    async answer(p, itemId, input) {
      const item = isUuid(itemId) ? await data.findItem(db, itemId) : null;
      if (!item) throw recertErrors.item_not_found();
      await authorize({ db, audit }, p, 'recert.respond', item.brandId, { action: 'recert.answer', target: { type: 'recert_item', id: item.id } });
      // Separation of duties: a reviewer's own access is confirmed by someone else.
      if (item.kind === 'user_role' && p.actor.kind === 'user' && p.actor.id === item.subjectId) throw recertErrors.self_review();
      const decision = input.decision === 'confirm' ? 'confirmed' : 'removed';
      const at = now();
      await db.transaction(async (tx) => {
        if (!(await data.answerItem(tx, item.id, decision, input.note ?? null, ref(p), at))) {
          const c = await data.findCampaign(tx, item.campaignId);
          throw c?.status === 'completed' ? recertErrors.closed() : recertErrors.already_answered();
        }
        if (decision === 'removed') await removeAccess(tx, p, item, false);
        await audit.append(tx, { ...eventContext(p), action: 'recert.answer', brandId: item.brandId, outcome: 'success', target: { type: 'recert_item', id: item.id }, details: { campaignId: item.campaignId, kind: item.kind, subjectId: item.subjectId, decision } });
      });
      const [answered] = await withLabels(db, p, [(await data.findItem(db, item.id)) as data.ItemRecord]);
      return answered as ItemView;
    },

    async close(p, id) {
      const c = await load(p, id, 'recert.campaign.close');
      for (const b of c.brandIds) await authorize({ db, audit }, p, 'recert.manage', b, { action: 'recert.campaign.close', target: { type: 'recert_campaign', id } });
      await db.transaction(async (tx) => {
        const locked = await data.findCampaign(tx, id, true);
        if (locked?.status === 'open') await closeIn(tx, p, locked);
      });
      return view(db, p, (await data.findCampaign(db, id)) as data.CampaignRecord);
    },

    async closeDue() {
      let closed = 0;
      for (const id of await data.dueCampaignIds(db, now())) {
        // The row lock makes a second node's worker wait, then see 'completed' and skip.
        const done = await db.transaction(async (tx) => {
          const c = await data.findCampaign(tx, id, true);
          if (c?.status !== 'open') return false;
          await closeIn(tx, SYSTEM, c);
          return true;
        });
        if (done) closed++;
      }
      return closed;
    },

    async evidence(p, id) {
      const c = await load(p, id, 'recert.evidence.read');
      if (c.status !== 'completed') throw recertErrors.not_closed();
      const brands = seen(p, c.brandIds);
      const summaries = (await data.summariesOf(db, id, brands)) as BrandSummary[];
      for (const b of brands) await recordAlone({ db, audit }, { ...eventContext(p), action: 'recert.evidence.read', brandId: b, outcome: 'success', target: { type: 'recert_campaign', id } });
      return { campaignId: id, brands: summaries };
    },

    async status(p) {
      const v = visible(p);
      if (v !== null && v.length === 0) await authorize({ db, audit }, p, 'recert.read', null, { action: 'recert.status.read' });
      const brands = v ?? (await data.allBrandIds(db));
      const t = now();
      return Promise.all(brands.map((b) => recertificationEvidence(db, b, t)));
    },
  };
}
