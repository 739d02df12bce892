import { randomUUID } from 'node:crypto';
import { brandsAllowed, type Principal } from '../access/principal.js';
import { authorize, eventContext } from '../audit/authorize.js';
import type { AuditLog } from '../audit/types.js';
import { setKeepOriginalDays } from '../calls/policies.js';
import type { Db } from '../db/types.js';
import type { ObjectStore } from '../storage/index.js';
import type { Vault } from '../vault/index.js';
import type { RetentionContext } from './context.js';
import { retentionErrors } from './errors.js';
import { policiesInForce } from './policies.js';
import * as data from './retention-data.js';
import { runPurge } from './runs.js';
import { AUDIT_FLOOR_DAYS, type BrandRetention, type DataClass, type LegalHold, type PurgeRun, type RetentionUpdate } from './types.js';

export interface RetentionDeps {
  db: Db;
  vault: Vault;
  audit: AuditLog;
  store: ObjectStore;
  now?: () => Date;
  batch?: number;
  maxBatches?: number;
}

export interface RetentionService {
  policies(p: Principal, brandId: string): Promise<BrandRetention>;
  updatePolicies(p: Principal, brandId: string, update: RetentionUpdate): Promise<BrandRetention>;
  holds(p: Principal, brandId: string, opts: { includeReleased: boolean }): Promise<LegalHold[]>;
  placeHold(p: Principal, brandId: string, input: { caseRef: string; callId?: string }): Promise<LegalHold>;
  releaseHold(p: Principal, brandId: string, holdId: string): Promise<LegalHold>;
  /** Recent runs, each with the items of the brands the reader may see. */
  runs(p: Principal, limit: number): Promise<PurgeRun[]>;
  /** An admin's "run purge now" (every brand: retention.manage installation-wide). */
  runNow(p: Principal): Promise<PurgeRun>;
  /** The hourly task of the worker. */
  runScheduled(): Promise<PurgeRun>;
}

const CLASS_OF: Record<keyof RetentionUpdate, DataClass> = {
  originals: 'originals',
  redactedCalls: 'redacted_calls',
  qaNotes: 'qa_notes',
  paymentTokens: 'payment_tokens',
  auditEvents: 'audit_events',
};
const SCHEDULE = { actor: { kind: 'system', id: 'retention' } } as const;
const actorRef = (p: Principal) => `${p.actor.kind}:${p.actor.id}`;

export function createRetentionService(deps: RetentionDeps): RetentionService {
  const ctx: RetentionContext = { db: deps.db, vault: deps.vault, audit: deps.audit, store: deps.store, now: deps.now ?? (() => new Date()), batch: deps.batch ?? 100, maxBatches: deps.maxBatches ?? 50 };

  async function existingBrand(brandId: string): Promise<void> {
    if (!(await data.brandExists(ctx.db, brandId))) throw retentionErrors.brand_not_found();
  }

  return {
    async policies(p, brandId) {
      await authorize(ctx, p, 'retention.read', brandId, { action: 'retention.policy.read', target: { type: 'brand', id: brandId } });
      await existingBrand(brandId);
      return policiesInForce(ctx.db, brandId);
    },

    async updatePolicies(p, brandId, update) {
      await authorize(ctx, p, 'retention.manage', brandId, { action: 'retention.policy.update', target: { type: 'brand', id: brandId } });
      // PCI DSS 10.5.1: at least 12 months of audit history. Clearing it falls back to the floor.
      if (update.auditEvents != null && update.auditEvents < AUDIT_FLOOR_DAYS) throw retentionErrors.below_floor();
      const now = ctx.now();
      return ctx.db.transaction(async (tx) => {
        if (!(await data.brandExists(tx, brandId))) throw retentionErrors.brand_not_found();
        const details: Record<string, number | null> = {};
        for (const [key, days] of Object.entries(update) as [keyof RetentionUpdate, number | null | undefined][]) {
          if (days === undefined) continue;
          const dataClass = CLASS_OF[key];
          details[dataClass] = days;
          // Originals: written through the calls module, whose keep_original_days redaction reads.
          if (dataClass === 'originals') details.redactionPolicyVersion = await setKeepOriginalDays(tx, brandId, days, actorRef(p), now);
          else await data.setPolicy(tx, brandId, dataClass, days, actorRef(p), now);
        }
        await ctx.audit.append(tx, { ...eventContext(p), action: 'retention.policy.update', brandId, target: { type: 'brand', id: brandId }, outcome: 'success', details });
        return policiesInForce(tx, brandId);
      });
    },

    async holds(p, brandId, opts) {
      await authorize(ctx, p, 'retention.read', brandId, { action: 'retention.hold.list', target: { type: 'brand', id: brandId } });
      await existingBrand(brandId);
      return data.listHolds(ctx.db, brandId, opts.includeReleased);
    },

    async placeHold(p, brandId, input) {
      await authorize(ctx, p, 'retention.manage', brandId, { action: 'retention.hold.place', target: { type: 'brand', id: brandId } });
      const now = ctx.now();
      return ctx.db.transaction(async (tx) => {
        if (!(await data.brandExists(tx, brandId))) throw retentionErrors.brand_not_found();
        if (input.callId !== undefined) {
          const call = await tx.query('SELECT 1 FROM calls WHERE id = $1 AND brand_id = $2', [input.callId, brandId]);
          if (call.rows.length === 0) throw retentionErrors.call_not_found();
        }
        const hold = await data.insertHold(tx, { id: randomUUID(), brandId, callId: input.callId ?? null, caseRef: input.caseRef, placedBy: actorRef(p), now });
        if (!hold) throw retentionErrors.hold_exists();
        await ctx.audit.append(tx, {
          ...eventContext(p),
          action: 'retention.hold.place',
          brandId,
          target: { type: 'legal_hold', id: hold.id },
          outcome: 'success',
          details: { scope: hold.callId ? 'call' : 'brand', callId: hold.callId, caseRef: hold.caseRef },
        });
        return hold;
      });
    },

    async releaseHold(p, brandId, holdId) {
      await authorize(ctx, p, 'retention.manage', brandId, { action: 'retention.hold.release', target: { type: 'legal_hold', id: holdId } });
      const now = ctx.now();
      return ctx.db.transaction(async (tx) => {
        const found = await data.findHold(tx, brandId, holdId);
        if (!found) throw retentionErrors.hold_not_found();
        const released = await data.releaseHold(tx, holdId, actorRef(p), now);
        if (!released) throw retentionErrors.hold_released();
        await ctx.audit.append(tx, { ...eventContext(p), action: 'retention.hold.release', brandId, target: { type: 'legal_hold', id: holdId }, outcome: 'success', details: { scope: released.callId ? 'call' : 'brand', callId: released.callId } });
        return released;
      });
    },

    async runs(p, limit) {
      const brands = brandsAllowed(p, 'retention.read');
      if (brands !== null && brands.length === 0) await authorize(ctx, p, 'retention.read', null, { action: 'retention.run.list' });
      return data.listRuns(ctx.db, brands, limit);
    },

    async runNow(p) {
      await authorize(ctx, p, 'retention.manage', null, { action: 'retention.run' });
      return runPurge(ctx, 'manual', eventContext(p));
    },

    runScheduled: () => runPurge(ctx, 'schedule', SCHEDULE),
  };
}
