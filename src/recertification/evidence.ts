import type { Queryable } from '../db/types.js';
import { brandState } from './recert-data.js';
import { nextDue, type BrandSummary } from './summary.js';

/** Recertification evidence of one brand for the compliance report (ids, dates and counts only). */
export interface RecertificationEvidence {
  brandId: string;
  at: string;
  lastCompletedCampaignId: string | null;
  lastCompletedAt: string | null;
  /** Six months after the last completed campaign; null when none ever completed (due now). */
  nextDueAt: string | null;
  overdue: boolean;
  openCampaignId: string | null;
  lastCampaign: { items: number; confirmed: number; removedByReviewer: number; removedAtDeadline: number; keptUnanswered: number; reviewers: number } | null;
}

export async function recertificationEvidence(q: Queryable, brandId: string, now: Date): Promise<RecertificationEvidence> {
  const { last, lastSummary, openId } = await brandState(q, brandId);
  const s = lastSummary as BrandSummary | null;
  const due = last?.closedAt ? nextDue(last.closedAt) : null;
  return {
    brandId,
    at: now.toISOString(),
    lastCompletedCampaignId: last?.id ?? null,
    lastCompletedAt: last?.closedAt?.toISOString() ?? null,
    nextDueAt: due?.toISOString() ?? null,
    overdue: due === null || due.getTime() <= now.getTime(),
    openCampaignId: openId,
    lastCampaign: s ? { items: s.items, confirmed: s.confirmed, removedByReviewer: s.removedByReviewer, removedAtDeadline: s.removedAtDeadline, keptUnanswered: s.keptUnanswered, reviewers: s.reviewers.length } : null,
  };
}
