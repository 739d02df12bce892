import type { GroupCommit } from '../audit/group-commit.js';
import type { Actor, AuditEventInput } from '../audit/types.js';
import type { Db } from '../db/types.js';
import type { Vault } from '../vault/index.js';
import type { ProgressMessage } from './bus.js';
import type { Field, Key, KeyEffect } from './capture.js';
import { paymentErrors } from './errors.js';
import { LIVE_STATES, type PaymentSession, type SessionView } from './lifecycle.js';
import * as data from './payments-data.js';
import type { Processor } from './processors/types.js';
import type { RecordingControl } from './recording-control.js';
import { createKeyedSerial } from './serial.js';
import { createToken } from './tokens.js';

/**
 * The sessions this node holds, in memory: the digits keyed so far exist only here (and are
 * dropped when the session ends), so every step of a session runs on its holder, one at a time.
 * After each step the masked view is written, the transition audited and the view announced to
 * every node in one transaction.
 */
export interface HeldSession {
  id: string;
  brandId: string;
  callRef: string;
  session: PaymentSession;
  settings: data.PaymentSettings;
  expiresAt: Date;
  /** Whether the recording was asked to pause for this session (and not yet to resume). */
  recordingPaused?: boolean;
}

export type Step = { op: 'key'; key: Key } | { op: 'pause' } | { op: 'reenter'; field: Field } | { op: 'cancel' } | { op: 'expire' } | { op: 'charge' } | { op: 'fail'; reason: string };

export interface StepBy {
  actor: Actor;
  requestId?: string;
}

export interface HolderDeps {
  db: Db;
  vault: Vault;
  /** Audited steps of many sessions at once share one transaction (field ends arrive together). */
  commit: GroupCommit;
  processorFor: (settings: data.PaymentSettings) => Processor;
  chargeTimeoutMs: number;
  /** The customer stopped keying for this long: the field ends as on `#`. */
  pauseMs: number;
  now: () => Date;
  /** Pauses the call recording while the customer keys (state collecting) and resumes it after. */
  recording: RecordingControl;
  /** Views announced by this node, handed to its own watchers without waiting for the round trip. */
  onLocalProgress: (m: ProgressMessage) => void;
}

export interface Holder {
  hold(s: HeldSession): void;
  holds(id: string): boolean;
  /** Runs one step after the session's previous ones; throws if this node does not hold it. */
  apply(id: string, step: Step, by: StepBy): Promise<SessionView>;
  /** Expires the sessions held here whose time is up (timers also do it; the sweep catches a moved clock). */
  expireDue(): Promise<number>;
  /** Ends every session held here (the node is stopping: their digits die with it). */
  releaseAll(reason: string): Promise<void>;
}

const SYSTEM_STEP: StepBy = { actor: { kind: 'system', id: 'payments' } };
const FIELD_EFFECTS: ReadonlySet<KeyEffect> = new Set(['field_valid', 'field_invalid', 'ready', 'exhausted']);

export function createHolder(deps: HolderDeps): Holder {
  const { db, vault, now } = deps;
  const held = new Map<string, HeldSession>();
  const serial = createKeyedSerial();
  const pauseTimers = new Map<string, NodeJS.Timeout>();
  const expiryTimers = new Map<string, NodeJS.Timeout>();

  function clearTimer(map: Map<string, NodeJS.Timeout>, id: string): void {
    const t = map.get(id);
    if (t) clearTimeout(t);
    map.delete(id);
  }

  function schedule(map: Map<string, NodeJS.Timeout>, id: string, ms: number, step: Step): void {
    clearTimer(map, id);
    const t = setTimeout(() => {
      map.delete(id);
      holder.apply(id, step, SYSTEM_STEP).catch(() => undefined);
    }, Math.max(0, ms));
    t.unref();
    map.set(id, t);
  }

  function forget(id: string): void {
    held.delete(id);
    clearTimer(pauseTimers, id);
    clearTimer(expiryTimers, id);
  }

  function syncRecording(h: HeldSession): void {
    const capturing = h.session.state === 'collecting';
    if (capturing === Boolean(h.recordingPaused)) return;
    h.recordingPaused = capturing;
    deps.recording.set({ paymentId: h.id, brandId: h.brandId, callRef: h.callRef, recordingUrl: h.settings.recordingUrl }, capturing);
  }

  const event = (h: HeldSession, by: StepBy, action: string, details: AuditEventInput['details']): AuditEventInput => ({
    actor: by.actor,
    ...(by.requestId && { requestId: by.requestId }),
    action,
    brandId: h.brandId,
    outcome: 'success',
    target: { type: 'payment', id: h.id },
    details,
  });

  /** Writes the view, its events and the announcement together; the watchers hear it after commit. */
  async function publish(h: HeldSession, before: SessionView, by: StepBy, events: AuditEventInput[], tokenId?: string): Promise<SessionView> {
    const view = h.session.view();
    if (view.state !== before.state) events.push(event(h, by, `payment.${view.state}`, { from: before.state, reason: view.reason }));
    if (events.length === 0 && JSON.stringify(view) === JSON.stringify(before)) return view;
    const message =
      events.length === 0 && tokenId === undefined
        ? await data.saveView(db, h.id, h.brandId, view, now()) // a digit keyed: nothing to audit, one round trip
        : await deps.commit.run(events, (tx) => data.saveView(tx, h.id, h.brandId, view, now(), tokenId));
    deps.onLocalProgress(message);
    syncRecording(h);
    if (!LIVE_STATES.includes(view.state)) forget(h.id);
    return view;
  }

  async function charge(h: HeldSession, by: StepBy): Promise<SessionView> {
    if (h.session.state !== 'ready') throw paymentErrors.not_ready();
    clearTimer(pauseTimers, h.id);
    clearTimer(expiryTimers, h.id); // a charge under way is not expired; the processor has its own deadline
    const before = h.session.view();
    let tokenId: string | undefined;
    let tokenFailed = false;
    const outcome = h.session.charge(deps.processorFor(h.settings), deps.chargeTimeoutMs, async (card) => {
      if (!h.settings.keepToken) return;
      try {
        tokenId = await db.transaction((tx) => createToken(vault, tx, { brandId: h.brandId, pan: card.pan, expiry: card.expiry, sessionId: h.id, now: now() }));
      } catch {
        tokenFailed = true; // the charge stands; the card is simply not kept
      }
    });
    const processing = await publish(h, before, by, []);
    await outcome;
    const details: Record<string, string> = { processor: h.settings.processor };
    if (tokenId) details.tokenId = tokenId;
    if (tokenFailed) details.token = 'not_kept';
    return publish(h, processing, by, [event(h, by, 'payment.charge', details)], tokenId);
  }

  async function run(h: HeldSession, step: Step, by: StepBy): Promise<SessionView> {
    const before = h.session.view();
    const events: AuditEventInput[] = [];
    switch (step.op) {
      case 'key':
      case 'pause': {
        const field = before.progress.current;
        const effect = step.op === 'key' ? h.session.press(step.key, now()) : h.session.pause(now());
        if (effect === 'digit') schedule(pauseTimers, h.id, deps.pauseMs, { op: 'pause' });
        else clearTimer(pauseTimers, h.id);
        if (field && FIELD_EFFECTS.has(effect)) {
          const problem = h.session.view().progress.fields[field]?.problem ?? null;
          events.push(event(h, by, 'payment.field', { field, outcome: effect === 'field_invalid' || effect === 'exhausted' ? 'invalid' : 'valid', problem }));
        }
        break;
      }
      case 'reenter':
        if (!h.session.reenter(step.field)) throw paymentErrors.bad_move();
        events.push(event(h, by, 'payment.reenter', { field: step.field }));
        break;
      case 'cancel':
        if (!h.session.cancel()) throw paymentErrors.bad_move();
        break;
      case 'expire':
        if (!h.session.expire()) return before;
        break;
      case 'fail':
        h.session.fail(step.reason);
        break;
      case 'charge':
        return charge(h, by);
    }
    return publish(h, before, by, events);
  }

  const holder: Holder = {
    hold(s) {
      held.set(s.id, s);
      syncRecording(s);
      schedule(expiryTimers, s.id, s.expiresAt.getTime() - now().getTime(), { op: 'expire' });
    },
    holds: (id) => held.has(id),
    apply(id, step, by) {
      return serial.run(id, async () => {
        const h = held.get(id);
        if (!h) throw paymentErrors.not_live();
        return run(h, step, by);
      });
    },
    async expireDue() {
      const due = [...held.values()].filter((h) => h.expiresAt.getTime() <= now().getTime());
      await Promise.all(due.map((h) => holder.apply(h.id, { op: 'expire' }, SYSTEM_STEP).catch(() => undefined)));
      return due.length;
    },
    async releaseAll(reason) {
      await Promise.all([...held.keys()].map((id) => holder.apply(id, { op: 'fail', reason }, SYSTEM_STEP).catch(() => undefined)));
      for (const id of [...held.keys()]) forget(id);
    },
  };
  return holder;
}
