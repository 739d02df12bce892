import type { CampaignRecord, Decision, ItemRecord } from './recert-data.js';

/**
 * The evidence of one brand's part of a closed campaign (PCI DSS 7.2.4): what was reviewed, what
 * each answer was, who answered and when. Ids, roles and counts only; notes are the reviewers'
 * reasons about access, not customer data.
 */
export interface BrandSummary {
  campaignId: string;
  brandId: string;
  openedAt: string;
  openedBy: string;
  deadline: string;
  atDeadline: 'remove' | 'keep';
  closedAt: string;
  closedBy: string;
  items: number;
  confirmed: number;
  removedByReviewer: number;
  removedAtDeadline: number;
  keptUnanswered: number;
  reviewers: { reviewer: string; answered: number; lastAnsweredAt: string }[];
  decisions: { itemId: string; kind: 'user_role' | 'api_key'; subjectId: string; role: string | null; decision: Decision; answeredBy: string | null; answeredAt: string | null; note: string | null }[];
}

export function brandSummary(c: CampaignRecord, brandId: string, items: readonly ItemRecord[], closedBy: string, closedAt: Date): BrandSummary {
  const mine = items.filter((i) => i.brandId === brandId);
  const count = (d: Decision) => mine.filter((i) => i.decision === d).length;
  const reviewers = new Map<string, { answered: number; last: number }>();
  for (const i of mine) {
    if (i.answeredBy === null || i.answeredAt === null || (i.decision !== 'confirmed' && i.decision !== 'removed')) continue;
    const r = reviewers.get(i.answeredBy) ?? { answered: 0, last: 0 };
    reviewers.set(i.answeredBy, { answered: r.answered + 1, last: Math.max(r.last, i.answeredAt.getTime()) });
  }
  return {
    campaignId: c.id,
    brandId,
    openedAt: c.openedAt.toISOString(),
    openedBy: c.openedBy,
    deadline: c.deadline.toISOString(),
    atDeadline: c.atDeadline,
    closedAt: closedAt.toISOString(),
    closedBy,
    items: mine.length,
    confirmed: count('confirmed'),
    removedByReviewer: count('removed'),
    removedAtDeadline: count('removed_at_deadline'),
    keptUnanswered: count('kept_unanswered'),
    reviewers: [...reviewers].map(([reviewer, r]) => ({ reviewer, answered: r.answered, lastAnsweredAt: new Date(r.last).toISOString() })).sort((a, b) => a.reviewer.localeCompare(b.reviewer)),
    decisions: mine.map((i) => ({
      itemId: i.id,
      kind: i.kind,
      subjectId: i.subjectId,
      role: i.role,
      decision: i.decision ?? 'kept_unanswered',
      answeredBy: i.answeredBy,
      answeredAt: i.answeredAt?.toISOString() ?? null,
      note: i.note,
    })),
  };
}

/** PCI DSS 7.2.4: at least once every six months — calendar months (UTC), clamped to the month's end. */
export const RECERT_INTERVAL_MONTHS = 6;
export function nextDue(lastCompletedAt: Date): Date {
  const d = new Date(lastCompletedAt.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + RECERT_INTERVAL_MONTHS);
  d.setUTCDate(Math.min(day, new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate()));
  return d;
}
