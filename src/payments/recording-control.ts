import { recordAlone } from '../audit/index.js';
import type { AuditLog } from '../audit/types.js';
import type { Db } from '../db/types.js';
import { HttpsPostError, httpsPost } from './https-post.js';
import { createKeyedSerial } from './serial.js';
import { signBody } from './signing.js';

/**
 * Tells the telephony side to pause the call recording while the customer keys the card and to
 * resume it after (a signed webhook to the brand's `recordingUrl`), so the tones never reach the
 * recording in the first place; the audio engine still masks DTMF in every recording later, in
 * case a pause came late or never. A pause or resume is retried a few times, then given up and
 * audited as a failure: the payment itself never waits for the recorder.
 */
export interface RecordingTarget {
  paymentId: string;
  brandId: string;
  callRef: string;
  recordingUrl: string | null;
}

export interface RecordingControl {
  /** Asks for the recording to pause (`true`) or resume; calls for one payment are sent in order. */
  set(target: RecordingTarget, paused: boolean): void;
  /** Resolves when every request asked for so far is done (sent or given up). */
  idle(): Promise<void>;
}

export interface RecordingControlDeps {
  db: Db;
  audit: AuditLog;
  /** The brand's current signing secret, or null when it has none. */
  secretOf: (brandId: string) => Promise<string | null>;
  ca?: string | Buffer;
  now?: () => Date;
  attempts?: number;
  timeoutMs?: number;
  retryMs?: number;
}

export function createRecordingControl(deps: RecordingControlDeps): RecordingControl {
  const now = deps.now ?? (() => new Date());
  const attempts = deps.attempts ?? 3;
  const timeoutMs = deps.timeoutMs ?? 5_000;
  const retryMs = deps.retryMs ?? 500;
  const queues = createKeyedSerial();

  async function send(t: RecordingTarget & { recordingUrl: string }, paused: boolean): Promise<void> {
    const event = paused ? 'recording.pause' : 'recording.resume';
    const secret = await deps.secretOf(t.brandId);
    let outcome: { ok: boolean; tries: number; status?: number; problem?: string } = { ok: false, tries: 0, problem: 'no_signing_secret' };
    if (secret) {
      const body = Buffer.from(JSON.stringify({ event, paymentId: t.paymentId, callRef: t.callRef, at: now().toISOString() }));
      for (let tries = 1; tries <= attempts; tries++) {
        outcome = { ok: false, tries };
        try {
          const headers = { 'content-type': 'application/json', 'idempotency-key': `${t.paymentId}:${event}`, ...signBody(secret, body, now()) };
          const { status } = await httpsPost(new URL(t.recordingUrl), headers, body, AbortSignal.timeout(timeoutMs), deps.ca);
          outcome = { ok: status >= 200 && status < 300, tries, status };
          if (outcome.ok || (status >= 400 && status < 500)) break; // a refusal will not change on retry
        } catch (err) {
          outcome.problem = err instanceof HttpsPostError ? err.kind : 'timeout';
        }
        if (tries < attempts) await new Promise((r) => setTimeout(r, retryMs * tries));
      }
    }
    const details: Record<string, string | number> = { attempts: outcome.tries };
    if (outcome.status !== undefined) details.status = outcome.status;
    if (outcome.problem) details.problem = outcome.problem;
    await recordAlone({ db: deps.db, audit: deps.audit }, { actor: { kind: 'system', id: 'payments' }, action: `payment.${event}`, brandId: t.brandId, outcome: outcome.ok ? 'success' : 'failure', target: { type: 'payment', id: t.paymentId }, details });
  }

  return {
    set(t, paused) {
      if (!t.recordingUrl) return;
      const target = { ...t, recordingUrl: t.recordingUrl };
      void queues.run(t.paymentId, () => send(target, paused)).catch(() => undefined);
    },
    idle: () => queues.idle(),
  };
}
