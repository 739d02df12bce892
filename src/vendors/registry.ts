import { randomUUID } from 'node:crypto';
import { isUuid, type Principal } from '../access/index.js';
import type { Queryable } from '../db/types.js';
import { actorRef, type VendorContext } from './context.js';
import { vendorErrors } from './errors.js';
import * as links from './links-data.js';
import * as records from './records-data.js';
import { markVendorReviewed, nextReviewAt } from './review-dates.js';
import type { NewCertification, NewVendor, VendorBrand, VendorChange, VendorContact, VendorDetail, VendorKind, VendorStatus, VendorSummary } from './types.js';
import * as data from './vendors-data.js';

const DAY_MS = 86_400_000;
/** A vendor registered without a past review gets its first one within 30 days: due diligence comes before (or right at) engagement (PCI DSS 12.8.3). */
const FIRST_REVIEW_DAYS = 30;

export interface VendorRegistry {
  list(p: Principal, filter: { status?: VendorStatus; kind?: VendorKind }): Promise<VendorSummary[]>;
  /** The vendor with its contacts, links, certifications and evidence; audited as a read (contacts are personal data). */
  get(p: Principal, id: string): Promise<VendorDetail>;
  create(p: Principal, input: NewVendor): Promise<VendorDetail>;
  update(p: Principal, id: string, change: VendorChange): Promise<VendorDetail>;
  setBrands(p: Principal, id: string, brands: VendorBrand[]): Promise<VendorDetail>;
  setContacts(p: Principal, id: string, contacts: VendorContact[]): Promise<VendorDetail>;
  linkApiKey(p: Principal, id: string, apiKeyId: string): Promise<VendorDetail>;
  unlinkApiKey(p: Principal, id: string, apiKeyId: string): Promise<void>;
  linkUser(p: Principal, id: string, userId: string): Promise<VendorDetail>;
  unlinkUser(p: Principal, id: string, userId: string): Promise<void>;
  addCertification(p: Principal, id: string, input: NewCertification): Promise<VendorDetail>;
  removeCertification(p: Principal, id: string, certificationId: string): Promise<void>;
  /** A review done outside the questionnaire (e.g. an on-site assessment): risk, date and next due date. */
  recordReview(p: Principal, id: string, riskScore: number): Promise<VendorDetail>;
}

/** Two admins registering the same name at once: the unique index decides, and the loser gets the same 409 as a pre-check would give. */
async function uniqueName<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if ((err as { code?: string }).code === '23505') throw vendorErrors.name_taken();
    throw err;
  }
}

export function createVendorRegistry(ctx: VendorContext): VendorRegistry {
  const { db, vault, now } = ctx;

  const summary = (v: data.VendorRecord): VendorSummary => ({ ...v, overdue: v.status === 'active' && new Date(v.nextReviewAt) <= now() });

  /** Only what the reader may see: brands they hold (admins: all), keys and users of those brands. */
  async function detail(q: Queryable, p: Principal, v: data.VendorRecord): Promise<VendorDetail> {
    const readable = ctx.readableBrands(p);
    const sees = (b: string) => readable === null || readable.includes(b);
    // One after the other: `q` may be a transaction's single connection (pg refuses overlapping queries there).
    const contacts = await records.contactsOf(vault, q, v.id);
    const keys = await links.linkedKeys(q, v.id);
    const users = await links.linkedUsers(q, v.id);
    const certifications = await records.certificationsOf(q, v.id, now());
    const evidence = await records.evidenceOf(q, v.id);
    return {
      ...summary(v),
      brands: v.brands.filter((b) => sees(b.brandId)),
      contacts,
      apiKeys: keys.filter((k) => sees(k.brandId)),
      users: users.filter((u) => readable === null || u.brandIds.some(sees)).map((u) => ({ ...u, brandIds: u.brandIds.filter(sees) })),
      certifications,
      evidence,
    };
  }

  async function fresh(p: Principal, id: string): Promise<VendorDetail> {
    return detail(db, p, (await data.findVendor(db, id))!);
  }

  async function checkBrands(brands: readonly VendorBrand[]): Promise<VendorBrand[]> {
    const unique = [...new Map(brands.map((b) => [b.brandId, b])).values()];
    const ids = unique.map((b) => b.brandId);
    const found = ids.every(isUuid) ? await data.existingBrands(db, ids) : new Set<string>();
    if (ids.some((b) => !found.has(b))) throw vendorErrors.brand_not_found();
    return unique.sort((a, b) => a.brandId.localeCompare(b.brandId));
  }

  /**
   * Runs a change: permission first (outside the transaction: a denial is recorded on its own), then
   * in one transaction the vendor locked, re-read, and revoked vendors refused where access would change.
   */
  async function change(p: Principal, id: string, verb: string, refuseRevoked: boolean, fn: (tx: Queryable, v: data.VendorRecord) => Promise<void>): Promise<void> {
    await ctx.load(p, id, 'manage', verb);
    await db.transaction(async (tx) => {
      const v = (await data.findVendor(tx, id, true))!;
      if (refuseRevoked && v.status === 'revoked') throw vendorErrors.revoked();
      await fn(tx, v);
    });
  }

  return {
    async list(p, filter) {
      const brands = ctx.readableBrands(p);
      if (brands !== null && brands.length === 0) {
        await ctx.deny(p, 'vendor.list', null);
        throw vendorErrors.forbidden('Reading vendors takes vendor.read (auditors, security administrators)');
      }
      return (await data.listVendors(db, { brands, ...filter })).map(summary);
    },

    async get(p, id) {
      const v = await ctx.load(p, id, 'read', 'vendor.read');
      return db.transaction(async (tx) => {
        const out = await detail(tx, p, v);
        await ctx.record(tx, p, v, 'vendor.read', { contacts: out.contacts.length });
        return out;
      });
    },

    async create(p, input) {
      const brands = await checkBrands(input.brands ?? []);
      if (!ctx.canManage(p, brands.map((b) => b.brandId))) {
        await ctx.deny(p, 'vendor.create', brands[0]?.brandId ?? null);
        throw vendorErrors.forbidden();
      }
      if (await data.nameTaken(db, input.name, null)) throw vendorErrors.name_taken();
      const t = now();
      const id = randomUUID();
      const interval = input.reviewIntervalDays ?? 365;
      const last = input.lastReviewedAt ?? null;
      const next = last ? nextReviewAt(last, interval, null) : new Date(t.getTime() + Math.min(interval, FIRST_REVIEW_DAYS) * DAY_MS);
      await uniqueName(() =>
        db.transaction(async (tx) => {
          await data.insertVendor(tx, { id, name: input.name, kind: input.kind, services: input.services ?? '', reviewIntervalDays: interval, lastReviewedAt: last, nextReviewAt: next, createdBy: actorRef(p), at: t });
          await data.setBrands(tx, id, brands);
          await records.setContacts(vault, tx, id, input.contacts ?? [], t);
          await ctx.record(tx, p, { id, brands }, 'vendor.create', { kind: input.kind, brands: brands.length, contacts: input.contacts?.length ?? 0 });
        }),
      );
      return fresh(p, id);
    },

    async update(p, id, patch) {
      await uniqueName(() => change(p, id, 'vendor.update', false, async (tx, v) => {
        if (patch.name !== undefined && (await data.nameTaken(tx, patch.name, id))) throw vendorErrors.name_taken();
        const interval = patch.reviewIntervalDays ?? v.reviewIntervalDays;
        // A new interval moves the due date: from the last review, or from registration for a vendor never reviewed.
        const next =
          patch.reviewIntervalDays === undefined
            ? new Date(v.nextReviewAt)
            : v.lastReviewedAt
              ? nextReviewAt(new Date(v.lastReviewedAt), interval, v.riskScore)
              : new Date(Math.min(new Date(v.nextReviewAt).getTime(), new Date(v.createdAt).getTime() + interval * DAY_MS));
        await data.updateVendor(tx, id, { name: patch.name ?? v.name, kind: patch.kind ?? v.kind, services: patch.services ?? v.services, reviewIntervalDays: interval, nextReviewAt: next }, now());
        await ctx.record(tx, p, v, 'vendor.update', { fields: Object.keys(patch).sort().join(',') });
      }));
      return fresh(p, id);
    },

    async setBrands(p, id, input) {
      const brands = await checkBrands(input);
      await change(p, id, 'vendor.brands', true, async (tx, v) => {
        // The new brands must be the caller's to manage too, and the event goes to old and new chains alike.
        if (!ctx.canManage(p, brands.map((b) => b.brandId))) throw vendorErrors.forbidden();
        await data.setBrands(tx, id, brands);
        await ctx.record(tx, p, { id, brands: [...v.brands, ...brands] }, 'vendor.brands', { before: v.brands.length, after: brands.length });
      });
      return fresh(p, id);
    },

    async setContacts(p, id, contacts) {
      await change(p, id, 'vendor.contacts', false, async (tx, v) => {
        await records.setContacts(vault, tx, id, contacts, now());
        await ctx.record(tx, p, v, 'vendor.contacts', { contacts: contacts.length });
      });
      return fresh(p, id);
    },

    async linkApiKey(p, id, apiKeyId) {
      await change(p, id, 'vendor.link_api_key', true, async (tx, v) => {
        const key = isUuid(apiKeyId) ? await links.keyForLink(tx, apiKeyId) : null;
        if (!key) throw vendorErrors.api_key_not_found();
        if (!v.brands.some((b) => b.brandId === key.brandId)) throw vendorErrors.api_key_foreign();
        if (key.vendorId === id) return; // already linked: nothing changes, nothing to record
        if (key.vendorId !== null) throw vendorErrors.api_key_taken();
        await links.linkKey(tx, id, apiKeyId);
        await ctx.record(tx, p, v, 'vendor.link_api_key', { apiKeyId });
      });
      return fresh(p, id);
    },

    async unlinkApiKey(p, id, apiKeyId) {
      await change(p, id, 'vendor.unlink_api_key', false, async (tx, v) => {
        if (isUuid(apiKeyId) && (await links.unlinkKey(tx, id, apiKeyId))) await ctx.record(tx, p, v, 'vendor.unlink_api_key', { apiKeyId });
      });
    },

    async linkUser(p, id, userId) {
      await change(p, id, 'vendor.link_user', true, async (tx, v) => {
        const user = isUuid(userId) ? await links.userForLink(tx, userId) : null;
        if (!user) throw vendorErrors.user_not_found();
        if (!user.brandIds.some((b) => v.brands.some((vb) => vb.brandId === b))) throw vendorErrors.user_foreign();
        if (user.vendorId === id) return;
        if (user.vendorId !== null) throw vendorErrors.user_taken();
        await links.linkUser(tx, id, userId);
        await ctx.record(tx, p, v, 'vendor.link_user', { userId });
      });
      return fresh(p, id);
    },

    async unlinkUser(p, id, userId) {
      await change(p, id, 'vendor.unlink_user', false, async (tx, v) => {
        if (isUuid(userId) && (await links.unlinkUser(tx, id, userId))) await ctx.record(tx, p, v, 'vendor.unlink_user', { userId });
      });
    },

    async addCertification(p, id, input) {
      if (input.expiresOn <= input.issuedOn) throw vendorErrors.bad_dates();
      await change(p, id, 'vendor.certification.add', false, async (tx, v) => {
        const certId = await records.insertCertification(
          tx,
          id,
          { kind: input.kind, label: input.label ?? '', certificateId: input.certificateId ?? '', issuedOn: input.issuedOn, expiresOn: input.expiresOn },
          actorRef(p),
          now(),
        );
        await ctx.record(tx, p, v, 'vendor.certification.add', { certificationId: certId, kind: input.kind, expiresOn: input.expiresOn });
      });
      return fresh(p, id);
    },

    async removeCertification(p, id, certificationId) {
      await change(p, id, 'vendor.certification.remove', false, async (tx, v) => {
        if (!isUuid(certificationId) || !(await records.deleteCertification(tx, id, certificationId))) throw vendorErrors.certification_not_found();
        await ctx.record(tx, p, v, 'vendor.certification.remove', { certificationId });
      });
    },

    async recordReview(p, id, riskScore) {
      await change(p, id, 'vendor.review', true, async (tx, v) => {
        const { nextReviewAt: next } = await markVendorReviewed(tx, id, riskScore, now());
        await ctx.record(tx, p, v, 'vendor.review', { riskScore, nextReviewAt: next.toISOString(), source: 'manual' });
      });
      return fresh(p, id);
    },
  };
}
