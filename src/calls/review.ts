import { randomUUID } from 'node:crypto';
import { brandsAllowed, type Principal } from '../access/principal.js';
import { eventContext } from '../audit/authorize.js';
import { readSealedObject, sealedObjectInfo } from '../storage/index.js';
import { openWithRecordKey, sealWithRecordKey } from '../vault/record-key.js';
import { callFor } from './call-access.js';
import { contentPurpose, openCallKey } from './call-keys.js';
import { CALL_COLUMNS, getContent, recordingOf, toSummary, type CallRow } from './calls-data.js';
import type { CallsContext } from './context.js';
import { callErrors } from './errors.js';
import { brandRedactor, loadSettings } from './policies.js';
import type { CallStatus, CallSummary, CallView, ReviewDocument, Scorecard } from './types.js';

export interface CallFilter {
  brandId?: string;
  from?: Date;
  to?: Date;
  agentRef?: string;
  status?: CallStatus;
  limit?: number;
  /** Cursor from a previous page. */
  before?: string;
}

/** Chooses the byte range to send once the size is known (null: all of it). */
export type RangePicker = (totalBytes: number) => { start: number; end: number } | null;

export interface AudioStream {
  /** Plaintext size of the whole WAV file. */
  totalBytes: number;
  /** True when a range was asked for (206). */
  partial: boolean;
  start: number;
  end: number;
  body: AsyncIterable<Uint8Array>;
}

export interface ReviewService {
  list(principal: Principal, filter: CallFilter): Promise<{ items: CallSummary[]; nextBefore: string | null }>;
  get(principal: Principal, callId: string): Promise<CallView>;
  /** The redacted transcript in the format it arrived in. */
  transcript(principal: Principal, callId: string): Promise<{ format: string; content: string }>;
  /** The redacted recording, whole or the byte range `pickRange` chooses once the size is known (HTTP Range, RFC 9110 §14). */
  audio(principal: Principal, callId: string, pickRange?: RangePicker): Promise<AudioStream>;
  score(principal: Principal, callId: string, input: { score: number; notes: string }): Promise<Scorecard>;
}

const cursorOf = (r: CallRow) => Buffer.from(`${new Date(r.created_at).toISOString()}|${r.id}`).toString('base64url');
function parseCursor(c: string): [Date, string] {
  const [at, id] = Buffer.from(c, 'base64url').toString('utf8').split('|');
  const d = new Date(at ?? '');
  if (Number.isNaN(d.getTime()) || !id || !/^[0-9a-f-]{36}$/.test(id)) throw callErrors.bad_request('before: not a cursor from a previous page');
  return [d, id];
}

export function createReviewService(ctx: CallsContext): ReviewService {
  const readReview = async (call: CallRow): Promise<{ review: ReviewDocument; key: Buffer }> => {
    if (call.status !== 'ready') throw callErrors.not_ready();
    const key = await openCallKey(ctx.db, ctx.vault, call.brand_id, call.id, 'content');
    const sealed = await getContent(ctx.db, call.id, 'review');
    if (!sealed) throw callErrors.not_ready();
    return { review: JSON.parse(openWithRecordKey(key, contentPurpose(call.id, 'review'), sealed).toString('utf8')) as ReviewDocument, key };
  };

  const audited = (principal: Principal, call: CallRow, action: string, details?: Record<string, string | number | boolean | null>) =>
    ctx.db.transaction((tx) =>
      ctx.audit.append(tx, { ...eventContext(principal), action, brandId: call.brand_id, target: { type: 'call', id: call.id }, outcome: 'success', ...(details && { details }) }),
    );

  return {
    async list(principal, f) {
      const allowed = brandsAllowed(principal, 'call.read');
      const brands = f.brandId ? (allowed === null || allowed.includes(f.brandId) ? [f.brandId] : []) : allowed;
      const limit = Math.min(Math.max(f.limit ?? 50, 1), 200);
      const [beforeAt, beforeId] = f.before ? parseCursor(f.before) : [null, null];
      const { rows } = brands !== null && brands.length === 0 ? { rows: [] as CallRow[] } : await ctx.db.query<CallRow>(
        `SELECT ${CALL_COLUMNS} FROM calls
          WHERE ($1::uuid[] IS NULL OR brand_id = ANY($1::uuid[]))
            AND ($2::timestamptz IS NULL OR COALESCE(started_at, created_at) >= $2)
            AND ($3::timestamptz IS NULL OR COALESCE(started_at, created_at) < $3)
            AND ($4::text IS NULL OR agent_ref = $4) AND ($5::text IS NULL OR status = $5)
            AND ($6::timestamptz IS NULL OR (created_at, id) < ($6, $7::uuid))
          ORDER BY created_at DESC, id DESC LIMIT $8`,
        [brands, f.from ?? null, f.to ?? null, f.agentRef ?? null, f.status ?? null, beforeAt, beforeId, limit + 1],
      );
      const page = rows.slice(0, limit);
      // One event per brand whose calls were listed (or that was asked for), in that brand's chain.
      const touched = new Set(page.map((r) => r.brand_id));
      if (f.brandId) touched.add(f.brandId);
      await ctx.db.transaction(async (tx) => {
        const shown = [...touched].filter((b) => allowed === null || allowed.includes(b));
        for (const brandId of shown) {
          await ctx.audit.append(tx, { ...eventContext(principal), action: 'call.list', brandId, outcome: 'success', details: { count: page.filter((r) => r.brand_id === brandId).length } });
        }
        if (f.brandId && !shown.includes(f.brandId)) {
          const known = (await tx.query('SELECT 1 FROM brands WHERE id = $1', [f.brandId])).rows.length > 0;
          await ctx.audit.append(tx, { ...eventContext(principal), action: 'call.list', brandId: known ? f.brandId : null, outcome: 'denied', details: { permission: 'call.read' } });
        }
      });
      return { items: page.map(toSummary), nextBefore: rows.length > limit && page.length > 0 ? cursorOf(page[page.length - 1]!) : null };
    },

    async get(principal, callId) {
      const call = await callFor(ctx, principal, callId, 'call.read', 'call.read');
      const review = call.status === 'ready' ? await readReview(call) : null;
      const scorecards: Scorecard[] = [];
      if (review) {
        const { rows } = await ctx.db.query<{ id: string; reviewer_id: string; score: number; notes_sealed: Uint8Array | null; created_at: Date }>(
          'SELECT id, reviewer_id, score, notes_sealed, created_at FROM call_scorecards WHERE call_id = $1 ORDER BY created_at',
          [call.id],
        );
        for (const r of rows) {
          const notes = r.notes_sealed ? openWithRecordKey(review.key, contentPurpose(call.id, `scorecard:${r.id}`), Buffer.from(r.notes_sealed)).toString('utf8') : '';
          scorecards.push({ id: r.id, reviewerId: r.reviewer_id, score: r.score, notes, createdAt: new Date(r.created_at) });
        }
      }
      await audited(principal, call, 'call.read', { status: call.status });
      return { ...toSummary(call), review: review?.review ?? null, scorecards };
    },

    async transcript(principal, callId) {
      const call = await callFor(ctx, principal, callId, 'call.read', 'call.download');
      if (call.status !== 'ready') throw callErrors.not_ready();
      const key = await openCallKey(ctx.db, ctx.vault, call.brand_id, call.id, 'content');
      const sealed = await getContent(ctx.db, call.id, 'redacted_transcript');
      if (!sealed) throw callErrors.not_ready();
      await audited(principal, call, 'call.download', { kind: 'transcript' });
      return { format: call.source_format, content: openWithRecordKey(key, contentPurpose(call.id, 'redacted_transcript'), sealed).toString('utf8') };
    },

    async audio(principal, callId, pickRange) {
      const call = await callFor(ctx, principal, callId, 'call.read', 'call.play');
      if (call.status !== 'ready') throw callErrors.not_ready();
      const rec = await recordingOf(ctx.db, call.id, 'redacted');
      if (!rec) throw callErrors.no_recording();
      const key = await openCallKey(ctx.db, ctx.vault, call.brand_id, call.id, 'content');
      const info = await sealedObjectInfo(ctx.store, rec.objectKey);
      const total = info.plainBytes;
      const range = pickRange?.(total) ?? null;
      const start = range?.start ?? 0;
      const end = range?.end ?? total;
      await audited(principal, call, 'call.play', { from: start, to: end });
      return { totalBytes: total, partial: range !== null, start, end, body: readSealedObject(ctx.store, rec.objectKey, key, contentPurpose(call.id, 'redacted_recording'), { start, end }, info) };
    },

    async score(principal, callId, input) {
      const call = await callFor(ctx, principal, callId, 'call.score', 'call.score');
      if (!Number.isInteger(input.score) || input.score < 0 || input.score > 100) throw callErrors.bad_request('score: an integer from 0 to 100');
      if (typeof input.notes !== 'string' || input.notes.length > 10_000) throw callErrors.bad_request('notes: at most 10,000 characters');
      const { key } = await readReview(call);
      const settings = await loadSettings(ctx.db, call.brand_id);
      // Reviewers paste things: the notes go through the brand's redactor before they are kept.
      const redactor = await ctx.db.transaction((tx) => brandRedactor(ctx, tx, call.brand_id, settings.policy));
      const { text: notes, edits } = await redactor.redact(input.notes);
      const id = randomUUID();
      const now = ctx.now();
      const reviewerId = principal.actor.id;
      await ctx.db.transaction(async (tx) => {
        await tx.query('INSERT INTO call_scorecards (id, call_id, brand_id, reviewer_id, score, notes_sealed, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
          id, call.id, call.brand_id, reviewerId, input.score,
          notes ? sealWithRecordKey(key, contentPurpose(call.id, `scorecard:${id}`), Buffer.from(notes, 'utf8')) : null, now,
        ]);
        await ctx.audit.append(tx, { ...eventContext(principal), action: 'call.score', brandId: call.brand_id, target: { type: 'call', id: call.id }, outcome: 'success', details: { score: input.score, notesRedactions: edits.length } });
      });
      return { id, reviewerId, score: input.score, notes, createdAt: now };
    },
  };
}
