import { randomUUID } from 'node:crypto';
import type { AuditEventInput } from '../audit/types.js';
import { CallvaultError } from '../errors.js';
import type { RetentionContext } from './context.js';
import { daysOf, policiesInForce } from './policies.js';
import { purgeOriginals, purgePaymentTokens, purgeQaNotes, purgeRedactedCalls, type ClassResult } from './purge.js';
import * as data from './retention-data.js';
import type { DataClass, PurgeRun, RunItem } from './types.js';

/** The audit trail is never purged: its hash chain and checkpoints anchor on every earlier event. */
export const AUDIT_KEPT_NOTE = 'kept: audit trail is append-only';

/** Error codes only in a report: a message might one day carry more than an id. */
const codeOf = (err: unknown) => (err instanceof CallvaultError ? err.code : 'unexpected');

async function purgeClass(ctx: RetentionContext, brandId: string, dataClass: DataClass, days: number | null): Promise<RunItem> {
  const item: RunItem = { brandId, dataClass, days, purged: 0, skippedHold: 0, errors: 0, note: null };
  if (dataClass === 'audit_events') return { ...item, note: AUDIT_KEPT_NOTE };
  // Originals always run: their end date was fixed at redaction (calls.original_until).
  if (dataClass !== 'originals' && days === null) return { ...item, note: 'kept: no policy' };
  try {
    let r: ClassResult;
    if (dataClass === 'originals') r = await purgeOriginals(ctx, brandId);
    else if (dataClass === 'redacted_calls') r = await purgeRedactedCalls(ctx, brandId, days!);
    else if (dataClass === 'qa_notes') r = await purgeQaNotes(ctx, brandId, days!);
    else r = await purgePaymentTokens(ctx, brandId, days!);
    return { ...item, ...r };
  } catch (err) {
    return { ...item, errors: 1, note: `error: ${codeOf(err)}` };
  }
}

/**
 * One purge run over every brand and class, with its report stored (per brand and class: purged,
 * skipped because of a legal hold, errors). Safe on several nodes at once: each row is claimed by
 * the statement that removes it, so concurrent runs split the work and report what each did.
 * QA notes go before whole calls so a call's notes are counted in their own class first.
 */
export async function runPurge(ctx: RetentionContext, trigger: 'schedule' | 'manual', by: Pick<AuditEventInput, 'actor' | 'ip' | 'userAgent' | 'requestId'>): Promise<PurgeRun> {
  const triggeredBy = `${by.actor.kind}:${by.actor.id}`;
  const id = randomUUID();
  await data.insertRun(ctx.db, { id, trigger, triggeredBy, now: ctx.now() });
  const totals = { purged: 0, skippedHold: 0, errors: 0 };
  let status: 'done' | 'failed' = 'done';
  try {
    for (const brandId of await data.allBrandIds(ctx.db)) {
      const policy = await policiesInForce(ctx.db, brandId);
      for (const dataClass of ['originals', 'qa_notes', 'payment_tokens', 'redacted_calls', 'audit_events'] as const) {
        const item = await purgeClass(ctx, brandId, dataClass, daysOf(policy, dataClass));
        await data.insertRunItem(ctx.db, id, item);
        totals.purged += item.purged;
        totals.skippedHold += item.skippedHold;
        totals.errors += item.errors;
      }
    }
  } catch (err) {
    status = 'failed';
    throw err;
  } finally {
    await ctx.db.transaction(async (tx) => {
      await data.finishRun(tx, id, status, totals, ctx.now());
      await ctx.audit.append(tx, { ...by, action: 'retention.run', brandId: null, target: { type: 'retention_run', id }, outcome: status === 'done' ? 'success' : 'failure', details: { trigger, ...totals } });
    });
  }
  const [run] = await data.listRunsById(ctx.db, id);
  return run!;
}
