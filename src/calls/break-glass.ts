import { randomUUID } from 'node:crypto';
import type { Principal } from '../access/principal.js';
import { eventContext } from '../audit/authorize.js';
import { readSealedObject, sealedObjectInfo } from '../storage/index.js';
import { brandScope } from '../vault/scope.js';
import { openWithRecordKey } from '../vault/record-key.js';
import { callFor } from './call-access.js';
import { contentPurpose, openCallKey } from './call-keys.js';
import { getContent, recordingOf, type CallRow } from './calls-data.js';
import type { CallsContext } from './context.js';
import { callErrors } from './errors.js';
import { brandRedactor, loadSettings } from './policies.js';
import type { AudioStream, RangePicker } from './review.js';
import type { BreakGlassGrant } from './types.js';

export interface BreakGlassService {
  /** A supervisor asks for a call's original with a written reason: a time-boxed grant, audited as a security event. */
  request(principal: Principal, callId: string, reason: string): Promise<BreakGlassGrant>;
  /** The original transcript, under a live grant of this person for this call. */
  originalTranscript(principal: Principal, callId: string): Promise<{ format: string; content: string; grantExpiresAt: Date }>;
  originalAudio(principal: Principal, callId: string, pickRange?: RangePicker): Promise<AudioStream>;
}

export function createBreakGlassService(ctx: CallsContext): BreakGlassService {
  const liveGrant = async (principal: Principal, call: CallRow, action: string) => {
    const { rows } = await ctx.db.query<{ id: string; expires_at: Date }>(
      'SELECT id, expires_at FROM call_break_glass WHERE call_id = $1 AND user_id = $2 AND expires_at > $3 ORDER BY expires_at DESC LIMIT 1',
      [call.id, principal.actor.kind === 'user' ? principal.actor.id : '00000000-0000-0000-0000-000000000000', ctx.now()],
    );
    if (rows[0]) return { id: rows[0].id, expiresAt: new Date(rows[0].expires_at) };
    await ctx.db.transaction((tx) =>
      ctx.audit.append(tx, { ...eventContext(principal), action, brandId: call.brand_id, target: { type: 'call', id: call.id }, outcome: 'denied', details: { reason: 'no_live_grant' } }),
    );
    throw callErrors.no_grant();
  };

  const readEvent = (principal: Principal, call: CallRow, action: string, grantId: string, details: Record<string, number | string> = {}) =>
    ctx.db.transaction((tx) =>
      ctx.audit.append(tx, { ...eventContext(principal), action, brandId: call.brand_id, target: { type: 'call', id: call.id }, outcome: 'success', details: { grantId, ...details } }),
    );

  return {
    async request(principal, callId, reason) {
      const call = await callFor(ctx, principal, callId, 'call.original.request', 'breakglass.request');
      if (principal.actor.kind !== 'user') throw callErrors.no_grant('Break-glass is for people, not integrations');
      const trimmed = typeof reason === 'string' ? reason.trim() : '';
      if (trimmed.length < 10 || trimmed.length > 2000) throw callErrors.bad_request('reason: 10 to 2,000 characters explaining why the original is needed');
      const settings = await loadSettings(ctx.db, call.brand_id);
      const id = randomUUID();
      const now = ctx.now();
      const expiresAt = new Date(now.getTime() + ctx.limits.breakGlassSeconds * 1000);
      return ctx.db.transaction(async (tx) => {
        const available = (await tx.query("SELECT 1 FROM call_keys WHERE call_id = $1 AND purpose = 'original'", [call.id])).rows.length > 0;
        // The reason is free text a person typed: redacted, then sealed by the brand key.
        const redacted = (await (await brandRedactor(ctx, tx, call.brand_id, settings.policy)).redact(trimmed)).text;
        const sealed = await ctx.vault.encrypt(tx, brandScope(call.brand_id), id, Buffer.from(redacted, 'utf8'));
        await tx.query(
          'INSERT INTO call_break_glass (id, call_id, brand_id, user_id, reason_sealed, granted_at, expires_at, original_available) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
          [id, call.id, call.brand_id, principal.actor.id, sealed, now, expiresAt, available],
        );
        // The security event the unusual-access detection watches (repeated break-glass).
        await ctx.audit.append(tx, {
          ...eventContext(principal),
          action: 'breakglass.request',
          brandId: call.brand_id,
          target: { type: 'call', id: call.id },
          outcome: 'success',
          details: { grantId: id, expiresAt: expiresAt.toISOString(), originalAvailable: available, reasonLength: trimmed.length },
        });
        return { id, callId: call.id, expiresAt, originalAvailable: available };
      });
    },

    async originalTranscript(principal, callId) {
      const call = await callFor(ctx, principal, callId, 'call.original.request', 'call.original.read');
      const grant = await liveGrant(principal, call, 'call.original.read');
      const key = await openCallKey(ctx.db, ctx.vault, call.brand_id, call.id, 'original');
      const sealed = await getContent(ctx.db, call.id, 'original_transcript');
      if (!sealed) throw callErrors.original_not_kept();
      await readEvent(principal, call, 'call.original.read', grant.id, { kind: 'transcript' });
      return { format: call.source_format, content: openWithRecordKey(key, contentPurpose(call.id, 'original_transcript'), sealed).toString('utf8'), grantExpiresAt: grant.expiresAt };
    },

    async originalAudio(principal, callId, pickRange) {
      const call = await callFor(ctx, principal, callId, 'call.original.request', 'call.original.play');
      const grant = await liveGrant(principal, call, 'call.original.play');
      const rec = await recordingOf(ctx.db, call.id, 'original');
      if (!rec) throw callErrors.original_not_kept();
      const key = await openCallKey(ctx.db, ctx.vault, call.brand_id, call.id, 'original');
      const info = await sealedObjectInfo(ctx.store, rec.objectKey);
      const range = pickRange?.(info.plainBytes) ?? null;
      const start = range?.start ?? 0;
      const end = range?.end ?? info.plainBytes;
      await readEvent(principal, call, 'call.original.play', grant.id, { from: start, to: end });
      return { totalBytes: info.plainBytes, partial: range !== null, start, end, body: readSealedObject(ctx.store, rec.objectKey, key, contentPurpose(call.id, 'original_recording'), { start, end }, info) };
    },
  };
}
