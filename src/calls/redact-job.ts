import { FormatError, PolicyError, readDocument, redactedTimeSpans, type FormatName } from '../redaction/index.js';
import type { Job, JobHandler } from '../jobs/index.js';
import { putSealedObject, readSealedObject } from '../storage/index.js';
import { newRecordKey, openWithRecordKey, sealWithRecordKey } from '../vault/record-key.js';
import { findingHashes, writeBlindIndex } from './blind-index.js';
import { brandSecret } from './brand-secrets.js';
import { contentPurpose, createCallKey, openCallKey } from './call-keys.js';
import { discardOriginal, getContent, putContents, putRecording, recordingKey, recordingOf, setStatus, startProcessing } from './calls-data.js';
import type { CallsContext } from './context.js';
import { CallvaultError } from '../errors.js';
import { brandRedactor, loadSettings } from './policies.js';
import { UnusableRecordingError, type RecordingRedactor, type RecordingResult } from './recording.js';
import { reviewTurns } from './review-view.js';
import { callSentiment } from './sentiment.js';
import type { ReviewDocument } from './types.js';

const SYSTEM = { kind: 'system', id: 'call-redaction' } as const;

/** A failure that another attempt cannot fix: the call is marked failed at once. */
function permanentCode(err: unknown): string | null {
  if (err instanceof FormatError) return 'bad_transcript';
  if (err instanceof UnusableRecordingError) return `bad_recording:${err.code}`;
  if (err instanceof PolicyError) return 'bad_policy';
  if (err instanceof CallvaultError && err.code === 'calls.bad_policy') return 'bad_policy';
  if (err instanceof CallvaultError && err.code === 'calls.original_not_kept') return 'original_missing';
  return null;
}

/**
 * The `call.redact` job: original → redacted transcript and recording under the brand's policy,
 * sealed with the call's content key; blind index; summary; the original deleted (its key
 * shredded) unless the policy keeps it. Fail closed: a call that cannot be redacted is marked
 * `failed` for admins and is never published. Idempotent: a ready call is left alone.
 */
export function redactCallJob(ctx: CallsContext, recordings: RecordingRedactor): JobHandler {
  return async (job: Job) => {
    const callId = String(job.payload.callId);
    const call = await startProcessing(ctx.db, callId, ctx.now());
    if (!call) return; // gone, or already ready or failed
    const brandId = call.brand_id;
    const contentKey = newRecordKey();
    let redactedObject: string | undefined;
    let redactedBytes = 0;
    try {
      const settings = await loadSettings(ctx.db, brandId);
      const originalKey = await openCallKey(ctx.db, ctx.vault, brandId, callId, 'original');
      const sealed = await getContent(ctx.db, callId, 'original_transcript');
      if (!sealed) throw new CallvaultError('not_found', 'calls.original_not_kept', 'original transcript missing');
      const transcript = openWithRecordKey(originalKey, contentPurpose(callId, 'original_transcript'), sealed).toString('utf8');
      const redactor = await brandRedactor(ctx, ctx.db, brandId, settings.policy);
      const doc = readDocument(transcript, call.source_format as FormatName);
      const r = await redactor.redact(doc.turns);
      const output = doc.write(r.edits);
      const spans = redactedTimeSpans(doc.turns, r.edits);

      let audio: RecordingResult | undefined;
      const original = call.has_recording ? await recordingOf(ctx.db, callId, 'original') : undefined;
      if (original) {
        const source = () => readSealedObject(ctx.store, original.objectKey, originalKey, contentPurpose(callId, 'original_recording'));
        const run = recordings.redact({ source, spans, mode: settings.audioMode, maskDtmf: settings.maskDtmf });
        redactedObject = recordingKey(brandId, callId, 'redacted');
        redactedBytes = (await putSealedObject(ctx.store, redactedObject, contentKey, contentPurpose(callId, 'redacted_recording'), run.output)).bytes;
        audio = run.result();
      }

      const turns = reviewTurns(doc.turns, r.edits);
      const counts: ReviewDocument['counts'] = {};
      for (const e of r.edits) counts[e.type] = (counts[e.type] ?? 0) + 1;
      const review: ReviewDocument = {
        format: doc.format,
        turns,
        regions: audio?.regions ?? spans.map((s) => ({ channel: s.channel, start: s.start, end: s.end, kind: 'speech' as const, type: s.type })),
        waveform: audio?.waveform ?? { bucketSeconds: 0, channels: [] },
        counts,
      };
      const lastTime = Math.max(0, ...doc.turns.map((t) => t.endTime ?? 0));
      const now = ctx.now();
      const keep = settings.keepOriginalDays;
      await ctx.db.transaction(async (tx) => {
        await createCallKey(tx, ctx.vault, brandId, callId, 'content', contentKey);
        const seal = (kind: string, text: string) => ({ kind, sealed: sealWithRecordKey(contentKey, contentPurpose(callId, kind), Buffer.from(text, 'utf8')) });
        await putContents(tx, callId, [seal('redacted_transcript', output), seal('review', JSON.stringify(review))], now);
        if (redactedObject) await putRecording(tx, callId, 'redacted', redactedObject, redactedBytes, now);
        const secret = await brandSecret(tx, ctx.vault, brandId, 'blind_index', now);
        await writeBlindIndex(tx, brandId, callId, findingHashes(secret, doc.turns, r.findings));
        if (keep === null) await discardOriginal(tx, callId);
        await tx.query(
          `UPDATE calls SET status = 'ready', failure_code = NULL, turn_count = $2, redaction_count = $3, redaction_types = $4, sentiment = $5,
             duration_seconds = $6, policy_version = $7, original_until = $8, original_purged_at = $9, updated_at = $10 WHERE id = $1`,
          [callId, doc.turns.length, r.edits.length, Object.keys(counts).sort(), callSentiment(turns.map((t, i) => ({ text: doc.turns[i]!.text, sentiment: t.sentiment }))),
            audio?.durationSeconds ?? (lastTime || null), settings.version, keep === null ? null : new Date(now.getTime() + keep * 86_400_000), keep === null ? now : null, now],
        );
        await ctx.audit.append(tx, {
          actor: SYSTEM,
          action: 'call.redact',
          brandId,
          target: { type: 'call', id: callId },
          outcome: 'success',
          details: { redactions: r.edits.length, dtmfTones: audio?.regions.filter((x) => x.kind === 'dtmf').length ?? 0, policyVersion: settings.version, originalKept: keep !== null, jobId: job.id },
        });
      });
      if (keep === null && original) await ctx.store.delete(original.objectKey);
    } catch (err) {
      if (redactedObject) await ctx.store.delete(redactedObject).catch(() => undefined);
      const code = permanentCode(err);
      const lastAttempt = job.attempts >= job.maxAttempts;
      if (code !== null || lastAttempt) await markFailed(ctx, brandId, callId, code ?? 'redaction_error', job.id);
      if (code === null) throw err; // transient: the queue retries (the call stays unpublished meanwhile)
    } finally {
      contentKey.fill(0);
    }
  };
}

async function markFailed(ctx: CallsContext, brandId: string, callId: string, code: string, jobId: number): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await setStatus(tx, callId, 'failed', ctx.now(), code);
    await ctx.audit.append(tx, { actor: SYSTEM, action: 'call.redact', brandId, target: { type: 'call', id: callId }, outcome: 'failure', details: { code, jobId } });
  });
}
