import type { Queryable } from '../../db/types.js';
import type { Evidence } from '../types.js';

/**
 * Redaction of the brand's calls (PCI DSS 3.3.1/3.4.1 for spoken card data, GDPR Art. 25, ISO
 * A.5.34): the policy in force, calls redacted or failed, and originals still held past the date
 * they should have gone.
 */
export async function redactionEvidence(q: Queryable, brandId: string, now: Date): Promise<Evidence> {
  const { rows: p } = await q.query<{ version: number; keep_original_days: number | null; mask_dtmf: boolean; audio_mode: string }>(
    'SELECT version, keep_original_days, mask_dtmf, audio_mode FROM brand_redaction_policies WHERE brand_id = $1',
    [brandId],
  );
  const { rows: c } = await q.query<{ calls: number; ready: number; failed: number; pending: number; redactions: number; overdue_originals: number; originals_held: number }>(
    `SELECT count(*)::int AS calls,
            count(*) FILTER (WHERE status = 'ready')::int AS ready,
            count(*) FILTER (WHERE status = 'failed')::int AS failed,
            count(*) FILTER (WHERE status IN ('received', 'processing'))::int AS pending,
            COALESCE(sum(redaction_count) FILTER (WHERE status = 'ready'), 0)::int AS redactions,
            count(*) FILTER (WHERE original_until IS NOT NULL AND original_until < $2 AND original_purged_at IS NULL)::int AS overdue_originals,
            count(*) FILTER (WHERE original_until IS NOT NULL AND original_purged_at IS NULL)::int AS originals_held
     FROM calls WHERE brand_id = $1`,
    [brandId, now.toISOString()],
  );
  const policy = p[0] ?? null;
  const calls = c[0] ?? { calls: 0, ready: 0, failed: 0, pending: 0, redactions: 0, overdue_originals: 0, originals_held: 0 };
  const gaps: string[] = [];
  if (calls.failed > 0) gaps.push(`${calls.failed} call(s) failed processing (not redacted)`);
  if (calls.overdue_originals > 0) gaps.push(`${calls.overdue_originals} original(s) kept past their deletion date`);
  if (policy && !policy.mask_dtmf) gaps.push('keypad tones are not masked in recordings');
  const status = gaps.length > 0 ? (calls.overdue_originals > 0 || calls.failed > 0 ? 'gap' : 'partial') : 'met';
  return {
    key: 'redaction',
    title: 'Redaction of calls',
    source: 'calls: brand_redaction_policies, calls',
    status,
    readAt: now.toISOString(),
    summary: `${calls.ready} of ${calls.calls} call(s) redacted (${calls.redactions} redactions); policy ${policy ? `v${policy.version}` : 'default'}, originals ${policy?.keep_original_days ? `kept ${policy.keep_original_days} days` : 'deleted after redaction'}`,
    figures: {
      policyVersion: policy?.version ?? null,
      keepOriginalDays: policy?.keep_original_days ?? null,
      maskDtmf: policy?.mask_dtmf ?? true,
      calls: calls.calls,
      redacted: calls.ready,
      pending: calls.pending,
      failed: calls.failed,
      redactions: calls.redactions,
      originalsHeld: calls.originals_held,
      originalsOverdue: calls.overdue_originals,
    },
    gaps,
  };
}
