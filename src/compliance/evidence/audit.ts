import { chainIdOf, verifyChain, type ChainedAuditLog } from '../../audit/index.js';
import type { Queryable } from '../../db/types.js';
import type { RetentionEvidence } from '../../retention/index.js';
import type { Evidence } from '../types.js';
import { daysSince, isoOf } from './evidence.js';

/** PCI DSS 10.5.1: twelve months of audit history. */
const AUDIT_FLOOR_DAYS = 365;

/**
 * The brand's audit chain, verified now (PCI DSS 10.3.2): the hash links, the head and the signed
 * checkpoints are re-derived from the rows, so an edited, deleted or inserted event is a gap with
 * the sequence number where it is.
 */
export async function auditChainEvidence(q: Queryable, audit: ChainedAuditLog, brandId: string, now: () => Date): Promise<Evidence> {
  const report = await verifyChain(q, audit.signingKeys, chainIdOf(brandId));
  const verifiedAt = now().toISOString();
  const byKind = new Map<string, number[]>();
  for (const p of report.problems) byKind.set(p.kind, [...(byKind.get(p.kind) ?? []), p.seq]);
  const gaps = [...byKind].map(([kind, seqs]) => `${seqs.length} ${kind} problem(s) at seq ${seqs.slice(0, 10).join(', ')}${seqs.length > 10 ? ', …' : ''}`);
  return {
    key: 'audit_chain',
    title: 'Audit chain verification',
    source: 'audit: audit_events, audit_chains, audit_checkpoints (verifyChain)',
    status: report.events === 0 ? 'partial' : report.ok ? 'met' : 'gap',
    readAt: verifiedAt,
    summary: report.ok ? `audit chain verified OK at ${verifiedAt} (${report.events} events, ${report.checkpoints} signed checkpoints)` : `audit chain verification FAILED at ${verifiedAt}: ${report.problems.length} problem(s)`,
    figures: { verifiedAt, ok: report.ok, events: report.events, checkpoints: report.checkpoints, problems: report.problems.length },
    gaps: report.events === 0 ? ['the brand has no audit events yet'] : gaps,
  };
}

/** Audit history kept (PCI DSS 10.5.1): the policy for the trail and how far back it reaches. */
export async function auditRetentionEvidence(q: Queryable, brandId: string, retention: RetentionEvidence | null, now: Date): Promise<Evidence> {
  const { rows } = await q.query<{ first_at: Date | null }>('SELECT min(at) AS first_at FROM audit_events WHERE chain_id = $1', [chainIdOf(brandId)]);
  const firstAt = rows[0]?.first_at ? new Date(rows[0].first_at) : null;
  const policy = retention?.policies.find((p) => p.dataClass === 'audit_events') ?? null;
  const days = policy?.days ?? null;
  const gaps: string[] = [];
  if (days !== null && days < AUDIT_FLOOR_DAYS) gaps.push(`audit retention set to ${days} days, below the 365-day floor`);
  if (retention && retention.auditTrailPurged) gaps.push('audit events have been purged');
  return {
    key: 'audit_retention',
    title: 'Audit log retention',
    source: 'audit_events; retention policy (audit_events class)',
    status: gaps.length > 0 ? 'gap' : 'met',
    readAt: now.toISOString(),
    summary: `${days === null ? 'audit trail kept indefinitely' : `audit trail kept ${days} days`} (floor 365); oldest event ${firstAt ? `${daysSince(firstAt, now)} days old` : 'none yet'}`,
    figures: { policyDays: days, floorDays: AUDIT_FLOOR_DAYS, policySource: policy?.source ?? 'default', oldestEventAt: isoOf(firstAt), neverPurged: !(retention?.auditTrailPurged ?? false) },
    gaps,
  };
}
