import type { Queryable } from '../db/types.js';
import { policiesInForce } from './policies.js';
import { countActiveHolds, lastRunOfBrand } from './retention-data.js';
import type { DataClass } from './types.js';

/** Retention evidence for the compliance report: ids, counts, days and dates only. */
export interface RetentionEvidence {
  brandId: string;
  at: string;
  policies: { dataClass: DataClass; days: number | null; source: 'policy' | 'default' }[];
  lastRun: { id: string; startedAt: string; finishedAt: string | null; status: 'running' | 'done' | 'failed'; purged: number; skippedHold: number; errors: number } | null;
  /** Hours since the last run finished (null: never ran for this brand). */
  hoursSinceLastRun: number | null;
  activeHolds: number;
  /** The audit trail is never purged (see docs/retention.md). */
  auditTrailPurged: false;
}

export async function retentionEvidence(q: Queryable, brandId: string, now: Date): Promise<RetentionEvidence> {
  const policy = await policiesInForce(q, brandId);
  const run = await lastRunOfBrand(q, brandId);
  const finished = run?.finishedAt ? new Date(run.finishedAt) : null;
  return {
    brandId,
    at: now.toISOString(),
    policies: policy.classes.map((c) => ({ dataClass: c.dataClass, days: c.days, source: c.source })),
    lastRun: run && { id: run.id, startedAt: run.startedAt, finishedAt: run.finishedAt, status: run.status, purged: run.purged, skippedHold: run.skippedHold, errors: run.errors },
    hoursSinceLastRun: finished ? Math.floor((now.getTime() - finished.getTime()) / 3_600_000) : null,
    activeHolds: await countActiveHolds(q, brandId),
    auditTrailPurged: false,
  };
}
