import { createHash, randomUUID } from 'node:crypto';
import type { Principal } from '../access/principal.js';
import { authorize, eventContext } from '../audit/authorize.js';
import { enqueueJob } from '../jobs/index.js';
import { FormatError, readDocument, type FormatName } from '../redaction/index.js';
import { putSealedObject } from '../storage/index.js';
import { newRecordKey, sealWithRecordKey } from '../vault/record-key.js';
import { contentPurpose, createCallKey } from './call-keys.js';
import { CALL_COLUMNS, findByIdempotencyKey, putContent, putRecording, recordingKey, toSummary, type CallRow } from './calls-data.js';
import type { CallsContext } from './context.js';
import { callErrors } from './errors.js';
import type { CallMetadata, CallSummary } from './types.js';

export const REDACT_CALL_JOB = 'call.redact';

export interface IngestInput {
  metadata: CallMetadata;
  transcript: string;
  /** Transcript format; detected when omitted. */
  format?: FormatName;
  /** A WAV recording, streamed into the object store (sealed) as it arrives. */
  recording?: AsyncIterable<Uint8Array>;
  idempotencyKey?: string;
}

export interface IngestResult {
  call: CallSummary;
  /** True when the Idempotency-Key named a call already stored: nothing new was written. */
  duplicate: boolean;
}

export interface IngestService {
  ingest(principal: Principal, brandId: string, input: IngestInput): Promise<IngestResult>;
}

function requestHash(m: CallMetadata, transcript: string, format: string | undefined): Buffer {
  const canonical = JSON.stringify([m.externalId, m.agentRef ?? null, m.startedAt?.toISOString() ?? null, m.endedAt?.toISOString() ?? null, m.channels ?? null, format ?? null]);
  return createHash('sha256').update(canonical).update('\0').update(transcript).digest();
}

const isUniqueViolation = (err: unknown) => (err as { code?: string })?.code === '23505';
const isForeignKeyViolation = (err: unknown) => (err as { code?: string })?.code === '23503';

/**
 * Ingest: the call is acknowledged once it is durably stored — original transcript sealed in the
 * database, recording sealed in the object store, redaction job enqueued, all in one transaction
 * with its audit event. Redaction happens in the job; until then nobody can read the call.
 */
export function createIngestService(ctx: CallsContext): IngestService {
  async function* limited(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    let bytes = 0;
    for await (const chunk of source) {
      bytes += chunk.length;
      if (bytes > ctx.limits.maxRecordingBytes) throw callErrors.too_large(`The recording is larger than ${ctx.limits.maxRecordingBytes} bytes`);
      yield chunk;
    }
  }

  async function replay(brandId: string, key: string, hash: Buffer): Promise<IngestResult | undefined> {
    const existing = await findByIdempotencyKey(ctx.db, brandId, key);
    if (!existing) return undefined;
    if (!existing.request_hash || !hash.equals(Buffer.from(existing.request_hash))) throw callErrors.idempotency_conflict();
    return { call: toSummary(existing), duplicate: true };
  }

  return {
    async ingest(principal, brandId, input) {
      await authorize(ctx, principal, 'call.ingest', brandId, { action: 'call.ingest' });
      if (Buffer.byteLength(input.transcript) > ctx.limits.maxTranscriptBytes) throw callErrors.too_large(`The transcript is larger than ${ctx.limits.maxTranscriptBytes} bytes`);
      let format: FormatName;
      try {
        format = readDocument(input.transcript, input.format).format;
      } catch (err) {
        if (err instanceof FormatError) throw callErrors.bad_transcript(`The transcript could not be read: ${err.message}`);
        throw err;
      }
      const m = input.metadata;
      const hash = requestHash(m, input.transcript, input.format);
      if (input.idempotencyKey) {
        const seen = await replay(brandId, input.idempotencyKey, hash);
        if (seen) return seen;
      }
      const callId = randomUUID();
      const originalKey = newRecordKey();
      let stored: { key: string; bytes: number } | undefined;
      try {
        if (input.recording) {
          const key = recordingKey(brandId, callId, 'original');
          const { bytes } = await putSealedObject(ctx.store, key, originalKey, contentPurpose(callId, 'original_recording'), limited(input.recording));
          stored = { key, bytes };
        }
        const now = ctx.now();
        const details = { format, recordingBytes: stored?.bytes ?? 0 };
        const event = ({ jobId }: { jobId: number }) => [{ ...eventContext(principal), action: 'call.ingest', brandId, target: { type: 'call', id: callId }, outcome: 'success' as const, details: { ...details, jobId } }];
        const { row } = await ctx.commit.run(event, async (tx) => {
          // The job first, so the call row is written once with its job id; no worker sees either before commit.
          const jobId = await enqueueJob(tx, REDACT_CALL_JOB, { callId, brandId }, { maxAttempts: 5, dedupeKey: `${REDACT_CALL_JOB}:${callId}` });
          const { rows } = await tx.query<CallRow>(
            `INSERT INTO calls (id, brand_id, external_id, agent_ref, started_at, ended_at, channels, source_format, has_recording, status,
               idempotency_key, request_hash, ingested_by, created_at, updated_at, job_id)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'received', $10, $11, $12, $13, $13, $14) RETURNING ${CALL_COLUMNS}`,
            [callId, brandId, m.externalId, m.agentRef ?? null, m.startedAt ?? null, m.endedAt ?? null, m.channels ?? 1, format, stored !== undefined,
              input.idempotencyKey ?? null, hash, `${principal.actor.kind}:${principal.actor.id}`, now, jobId],
          );
          await createCallKey(tx, ctx.vault, brandId, callId, 'original', originalKey);
          await putContent(tx, callId, 'original_transcript', sealWithRecordKey(originalKey, contentPurpose(callId, 'original_transcript'), Buffer.from(input.transcript, 'utf8')), now);
          if (stored) await putRecording(tx, callId, 'original', stored.key, stored.bytes, now);
          return { row: rows[0] as CallRow, jobId };
        });
        return { call: toSummary(row), duplicate: false };
      } catch (err) {
        if (stored) await ctx.store.delete(stored.key);
        // The brand was deleted since the key was checked (calls.brand_id references brands).
        if (isForeignKeyViolation(err)) throw callErrors.not_found('Brand not found');
        // Two deliveries of one call at once: the second finds the first's row.
        if (isUniqueViolation(err) && input.idempotencyKey) {
          const seen = await replay(brandId, input.idempotencyKey, hash);
          if (seen) return seen;
        }
        throw err;
      } finally {
        originalKey.fill(0);
      }
    },
  };
}
