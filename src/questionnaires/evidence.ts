import type { Queryable } from '../db/types.js';

/** What the compliance report shows of questionnaires for one brand (ids and counts only). */
export interface QuestionnaireEvidence {
  /** Active vendors that reach the brand's data. */
  vendors: number;
  /** Of those, vendors whose latest questionnaire was accepted within their review interval. */
  acceptedCurrent: number;
  /** Vendors with no accepted questionnaire in their review interval. */
  vendorsWithoutCurrentAcceptance: string[];
  /** Questionnaires answered and waiting for a reviewer. */
  awaitingReview: number;
  /** High and critical findings in the accepted questionnaires that are current (accepted with the risk known). */
  highFindingsAccepted: number;
  lastAcceptedAt: string | null;
}

const SEVERE = new Set(['high', 'critical']);

/**
 * Questionnaires of the vendors that touch a brand: a vendor counts as assessed when a
 * questionnaire of it was accepted within its review interval (PCI DSS 12.8.4: at least yearly).
 */
export async function questionnaireEvidence(q: Queryable, brandId: string, now: Date): Promise<QuestionnaireEvidence> {
  const { rows } = await q.query<{ id: string; interval_days: number; accepted_at: Date | null; findings: { severity?: string }[] | null; awaiting: number }>(
    `SELECT v.id, v.review_interval_days AS interval_days,
            (SELECT max(qa.reviewed_at) FROM questionnaires qa WHERE qa.vendor_id = v.id AND qa.status = 'accepted') AS accepted_at,
            (SELECT qa.findings FROM questionnaires qa WHERE qa.vendor_id = v.id AND qa.status = 'accepted' ORDER BY qa.reviewed_at DESC LIMIT 1) AS findings,
            (SELECT count(*)::int FROM questionnaires qs WHERE qs.vendor_id = v.id AND qs.status = 'submitted') AS awaiting
       FROM vendors v JOIN vendor_brands vb ON vb.vendor_id = v.id
      WHERE vb.brand_id = $1 AND v.status = 'active'
      ORDER BY v.id`,
    [brandId],
  );
  const without: string[] = [];
  let accepted = 0;
  let severe = 0;
  let awaiting = 0;
  let last: Date | null = null;
  for (const r of rows) {
    awaiting += r.awaiting;
    const at = r.accepted_at ? new Date(r.accepted_at) : null;
    if (at && (!last || at > last)) last = at;
    if (at && now.getTime() - at.getTime() <= r.interval_days * 86_400_000) {
      accepted++;
      severe += (r.findings ?? []).filter((f) => SEVERE.has(f.severity ?? '')).length;
    } else without.push(r.id);
  }
  return { vendors: rows.length, acceptedCurrent: accepted, vendorsWithoutCurrentAcceptance: without, awaitingReview: awaiting, highFindingsAccepted: severe, lastAcceptedAt: last?.toISOString() ?? null };
}
