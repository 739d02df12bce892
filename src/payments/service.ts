import { createPublicKey, randomBytes, randomUUID } from 'node:crypto';
import { brandsAllowed, isAllowed, isUuid, type Principal } from '../access/index.js';
import { authorize, createGroupCommit, eventContext, recordAlone, type ChainedAuditLog } from '../audit/index.js';
import type { Db } from '../db/types.js';
import type { Vault } from '../vault/index.js';
import { createAudioStream, type AudioStream, type AudioStreamSpec } from './audio-stream.js';
import { OPS_CHANNEL, PROGRESS_CHANNEL, parseOp, parseProgress, type OpMessage, type ProgressMessage } from './bus.js';
import { fieldsFor, type Field, type Key } from './capture.js';
import { createNodeCodeKey, sealToNode } from './code-seal.js';
import { paymentErrors } from './errors.js';
import { createHolder, type Step, type StepBy } from './holder.js';
import { LIVE_STATES, PaymentSession, pickView, type SessionState, type SessionView } from './lifecycle.js';
import * as data from './payments-data.js';
import type { Processor } from './processors/types.js';
import { createRecordingControl, type RecordingControl } from './recording-control.js';
import { verifySignature } from './signing.js';

export interface NewPayment {
  brandId: string;
  callRef: string;
  amountMinor: number;
  currency: string;
  description: string;
}

export interface PaymentTimings {
  /** How long a session may take from start to charge, when the brand sets nothing. */
  chargeTimeoutMs: number;
  pauseMs: number;
  heartbeatMs: number;
}

export interface PaymentDeps {
  db: Db;
  vault: Vault;
  audit: ChainedAuditLog;
  /** This server's id among the nodes (unique per running process). */
  nodeId: string;
  processorFor: (settings: data.PaymentSettings) => Processor;
  /** Extra certificate authorities trusted for the brand's recording-control endpoint. */
  ca?: string | Buffer;
  recording?: RecordingControl;
  timings?: Partial<PaymentTimings>;
  now?: () => Date;
}

export type Watcher = (m: ProgressMessage) => void;

export interface PaymentService {
  /** Registers this node and listens to the others; call once before serving. */
  start(): Promise<void>;
  /** Ends the sessions held here (their digits die with the process) and stops listening. */
  stop(): Promise<void>;
  create(principal: Principal, input: NewPayment): Promise<data.SessionRecord>;
  get(principal: Principal, id: string): Promise<data.SessionRecord>;
  list(principal: Principal, filter: { brandId?: string; state?: SessionState; limit?: number; offset?: number }): Promise<data.SessionRecord[]>;
  cancel(principal: Principal, id: string): Promise<data.SessionRecord>;
  reenter(principal: Principal, id: string, field: Field): Promise<data.SessionRecord>;
  charge(principal: Principal, id: string): Promise<data.SessionRecord>;
  /**
   * A keypress from the telephony platform: signed with the brand's payment secret (`rawBody`,
   * timestamp and signature headers), carrying a message id so a replay is refused.
   */
  keypress(principal: Principal, signed: { rawBody: Buffer; headers: Record<string, string | string[] | undefined> }, message: { callRef: string; eventId: string; key: Key }): Promise<void>;
  /** The telephony platform declares which call an RTP stream (SSRC) it forks to callvault belongs to. */
  bindRtpStream(principal: Principal, binding: { callRef: string; ssrc: number; sourceIp?: string; payloadType?: number }): Promise<void>;
  /**
   * The telephony platform streams a call's audio (in-band keypad tones) from its API key's brand:
   * keys heard go to the call's live session; opening and closing the stream are audited.
   */
  openAudioStream(principal: Principal, spec: AudioStreamSpec): Promise<AudioStream>;
  /** A key from an adapter inside callvault (RTP listener, in-band audio): no signature, same session rules. */
  pressForCall(brandId: string, callRef: string, key: Key, source: string): Promise<boolean>;
  /** Masked progress of a session as it changes; the first call is the current view. */
  watch(principal: Principal, id: string, onView: Watcher): Promise<() => void>;
  settings(principal: Principal, brandId: string): Promise<data.PaymentSettings>;
  updateSettings(principal: Principal, brandId: string, change: data.SettingsChange): Promise<data.PaymentSettings>;
  /** A new signing secret for the brand's telephony keypresses, shown once; the previous one stays valid until the next rotation. */
  rotateSigningSecret(principal: Principal, brandId: string): Promise<{ secret: string }>;
  /** Periodic, on every node: heartbeat, and ends the sessions whose holder is gone. */
  sweep(): Promise<number>;
}

const DEFAULT_TIMINGS: PaymentTimings = { chargeTimeoutMs: 20_000, pauseMs: 4_000, heartbeatMs: 10_000 };

export function createPaymentService(deps: PaymentDeps): PaymentService {
  const { db, vault, audit, nodeId } = deps;
  const now = deps.now ?? (() => new Date());
  const timings = { ...DEFAULT_TIMINGS, ...deps.timings };
  const codeKey = createNodeCodeKey();
  const watchers = new Map<string, Set<Watcher>>();
  const unlisten: (() => Promise<void>)[] = [];
  const aliveSince = () => new Date(now().getTime() - 3 * timings.heartbeatMs);

  function announce(m: ProgressMessage): void {
    for (const w of watchers.get(m.id) ?? []) w(m);
  }

  function subscribe(id: string, w: Watcher): () => void {
    let set = watchers.get(id);
    if (!set) watchers.set(id, (set = new Set()));
    set.add(w);
    return () => {
      set.delete(w);
      if (set.size === 0 && watchers.get(id) === set) watchers.delete(id);
    };
  }

  // Looked up on every keypress: kept a few seconds (a rotated secret or a new node shows within that).
  const secretsOf = cached(5_000, (brandId: string) => data.signingSecrets(vault, db, brandId));
  const recording =
    deps.recording ??
    createRecordingControl({
      db,
      audit,
      now,
      ...(deps.ca && { ca: deps.ca }),
      secretOf: async (brandId) => (await secretsOf(brandId))[0]?.toString('utf8') ?? null,
    });
  const commit = createGroupCommit({ db, audit });
  const holder = createHolder({ db, vault, commit, recording, processorFor: deps.processorFor, chargeTimeoutMs: timings.chargeTimeoutMs, pauseMs: timings.pauseMs, now, onLocalProgress: announce });

  async function onOp(payload: string): Promise<void> {
    const m = parseOp(payload);
    if (!m || m.to !== nodeId || !holder.holds(m.session)) return;
    const by: StepBy = { actor: m.actor as StepBy['actor'], ...(m.requestId && { requestId: m.requestId }) };
    let step: Step;
    if (m.op === 'key') {
      const key = codeKey.open(Buffer.from(m.sealed, 'base64'), `${m.session}:${m.eventId}`);
      step = { op: 'key', key: key.toString('latin1') as Key };
      key.fill(0);
    } else step = m.op === 'reenter' ? { op: 'reenter', field: m.field } : { op: m.op };
    await holder.apply(m.session, step, by).catch(() => undefined);
  }

  /** Runs a step on the session's holder: here, or sent to it (a key sealed to its in-memory key). */
  async function dispatch(s: { id: string; holderNode: string }, step: Exclude<Step, { op: 'pause' | 'expire' | 'fail' }>, by: StepBy, eventId?: string): Promise<void> {
    if (s.holderNode === nodeId) {
      if (!holder.holds(s.id)) throw paymentErrors.holder_unavailable();
      await holder.apply(s.id, step, by);
      return;
    }
    const publicKey = await nodeKeyOf(s.holderNode);
    if (!publicKey) throw paymentErrors.holder_unavailable();
    const base = { to: s.holderNode, session: s.id, actor: by.actor, ...(by.requestId && { requestId: by.requestId }) };
    let m: OpMessage;
    if (step.op === 'key') {
      const id = eventId ?? randomUUID();
      m = { ...base, op: 'key', eventId: id, sealed: sealToNode(publicKey, Buffer.from(step.key, 'latin1'), `${s.id}:${id}`).toString('base64') };
    } else m = step.op === 'reenter' ? { ...base, op: 'reenter', field: step.field } : { ...base, op: step.op };
    await db.query('SELECT pg_notify($1, $2)', [OPS_CHANNEL, JSON.stringify(m)]);
  }

  /** Waits (briefly) until a step sent to another node shows in the session's views. */
  async function settled(id: string, done_: (m: ProgressMessage) => boolean, ms = 2_000): Promise<void> {
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        unsubscribe();
        resolve();
      };
      const unsubscribe = subscribe(id, (m) => void (done_(m) && done()));
      const timer = setTimeout(done, ms);
    });
  }

  // Kept as a KeyObject: parsing the holder's public key for every key sealed to it costs more than the seal.
  const nodeKeyOf = cached(5_000, async (node: string) => {
    const der = await data.nodeKey(db, node, aliveSince());
    return der && createPublicKey({ key: der, format: 'der', type: 'spki' });
  });

  /** The telephony platform's brand: its API key's one brand, which must hold payment.capture. */
  async function captureBrand(p: Principal, action: string): Promise<string> {
    const brandId = [...(p.apiKeyBrands ?? [])][0] ?? null;
    await authorize({ db, audit }, p, 'payment.capture', brandId, { action });
    return brandId as string;
  }

  const byOf = (p: Principal): StepBy => ({ actor: p.actor, ...(p.requestId && { requestId: p.requestId }) });
  const isOwner = (p: Principal, s: data.SessionRecord) => p.actor.kind === 'user' && s.agentId === p.actor.id;
  const canSee = (p: Principal, s: data.SessionRecord) => isAllowed(p, 'payment.read', s.brandId) || (isAllowed(p, 'payment.take', s.brandId) && isOwner(p, s));
  const canDrive = (p: Principal, s: data.SessionRecord) => (isAllowed(p, 'payment.take', s.brandId) && isOwner(p, s)) || isAllowed(p, 'payment.manage', s.brandId);

  /** Loads a session the principal may see or drive; others' sessions look not found, and the attempt is audited. */
  async function load(p: Principal, id: string, may: 'see' | 'drive', verb: string): Promise<data.SessionRecord> {
    const s = isUuid(id) ? await data.findSession(vault, db, id) : undefined;
    if (!s) throw paymentErrors.not_found();
    if (!(may === 'see' ? canSee(p, s) : canDrive(p, s))) {
      await recordAlone({ db, audit }, { ...eventContext(p), action: verb, brandId: s.brandId, outcome: 'denied', target: { type: 'payment', id } });
      throw paymentErrors.not_found();
    }
    return s;
  }

  async function drive(p: Principal, id: string, step: Exclude<Step, { op: 'key' | 'pause' | 'expire' | 'fail' }>): Promise<data.SessionRecord> {
    const s = await load(p, id, 'drive', `payment.${step.op}`);
    if (!LIVE_STATES.includes(s.state)) throw paymentErrors.not_live();
    if (step.op === 'charge' && s.state !== 'ready') throw paymentErrors.not_ready();
    await dispatch(s, step, byOf(p));
    if (s.holderNode !== nodeId) {
      // The charge is settled when it has an outcome; any other step when the holder has written it.
      const isDone = step.op === 'charge' ? (m: ProgressMessage) => !LIVE_STATES.includes(m.view.state) : (m: ProgressMessage) => m.version > s.version;
      await settled(id, isDone, step.op === 'charge' ? timings.chargeTimeoutMs + 2_000 : 2_000);
    }
    return (await data.findSession(vault, db, id)) ?? s;
  }

  async function endOrphans(): Promise<number> {
    let ended = 0;
    for (const o of await data.orphanedSessions(db, now(), aliveSince())) {
      if (holder.holds(o.id)) continue; // ours and alive: the holder ends it itself
      const s = await data.findSession(vault, db, o.id);
      if (!s || !LIVE_STATES.includes(s.state)) continue;
      const state: SessionState = o.reason === 'session_timeout' && s.state !== 'processing' ? 'expired' : 'failed';
      const reason = o.reason === 'node_lost' ? 'node_lost' : s.state === 'processing' ? 'processing_interrupted' : 'session_timeout';
      const view: SessionView = { ...s, state, reason };
      const m = await db.transaction(async (tx) => {
        const { rows } = await tx.query(`SELECT 1 FROM payment_sessions WHERE id = $1 AND version = $2 FOR UPDATE`, [s.id, s.version]);
        if (rows.length === 0) return null; // moved meanwhile: its holder is alive after all
        const msg = await data.saveView(tx, s.id, s.brandId, view, now());
        await audit.append(tx, { actor: { kind: 'system', id: 'payments' }, action: `payment.${state}`, brandId: s.brandId, outcome: 'success', target: { type: 'payment', id: s.id }, details: { from: s.state, reason } });
        return msg;
      });
      if (m) (announce(m), ended++);
    }
    return ended;
  }

  let starting: Promise<void> | null = null;
  /** Registers the node and listens; retried by the sweep if the database was not there at start-up. */
  function ensureStarted(): Promise<void> {
    starting ??= (async () => {
      await data.registerNode(db, nodeId, codeKey.publicKey, now());
      unlisten.push(await db.listen(OPS_CHANNEL, (payload) => void onOp(payload)));
      unlisten.push(
        await db.listen(PROGRESS_CHANNEL, (payload) => {
          const m = parseProgress(payload);
          if (m) announce(m);
        }),
      );
    })().catch(async (err: unknown) => {
      for (const u of unlisten.splice(0)) await u().catch(() => undefined);
      starting = null;
      throw err;
    });
    return starting;
  }

  const service: PaymentService = {
    async start() {
      // A server starts (and answers /readyz 503) while its database is down; the sweep retries.
      await ensureStarted().catch(() => undefined);
    },
    async stop() {
      await holder.releaseAll('node_stopped');
      await recording.idle();
      for (const u of unlisten.splice(0)) await u().catch(() => undefined);
      watchers.clear();
    },
    async create(p, input) {
      await authorize({ db, audit }, p, 'payment.take', input.brandId, { action: 'payment.create' });
      await ensureStarted().catch(() => {
        throw paymentErrors.holder_unavailable('This server cannot take payments right now (its database is not answering)');
      });
      const settings = await data.settingsOf(db, input.brandId);
      const id = randomUUID();
      const t = now();
      const session = new PaymentSession({ reference: id, amountMinor: input.amountMinor, currency: input.currency, description: input.description }, { fields: fieldsFor(settings.collectPostal), maxAttempts: settings.maxAttempts });
      const expiresAt = new Date(t.getTime() + settings.timeoutSeconds * 1000);
      const created = {
        ...eventContext(p),
        action: 'payment.create',
        brandId: input.brandId,
        outcome: 'success' as const,
        target: { type: 'payment', id },
        details: { amountMinor: input.amountMinor, currency: input.currency, fields: fieldsFor(settings.collectPostal).join(',') },
      };
      await commit.run([created], async (tx) => {
        const inserted = await data.insertSession(vault, tx, {
          id,
          brandId: input.brandId,
          callRef: input.callRef,
          agentId: p.actor.kind === 'user' ? p.actor.id : null,
          amountMinor: input.amountMinor,
          currency: input.currency,
          description: input.description,
          view: session.view(),
          holderNode: nodeId,
          expiresAt,
          now: t,
        });
        if (!inserted) throw paymentErrors.call_busy();
      });
      holder.hold({ id, brandId: input.brandId, callRef: input.callRef, session, settings, expiresAt });
      return (await data.findSession(vault, db, id)) as data.SessionRecord;
    },
    async get(p, id) {
      const s = await load(p, id, 'see', 'payment.read');
      await recordAlone({ db, audit }, { ...eventContext(p), action: 'payment.read', brandId: s.brandId, outcome: 'success', target: { type: 'payment', id } });
      return s;
    },
    async list(p, f) {
      const read = brandsAllowed(p, 'payment.read');
      const take = brandsAllowed(p, 'payment.take') ?? [];
      if (f.brandId && !isAllowed(p, 'payment.read', f.brandId) && !isAllowed(p, 'payment.take', f.brandId)) {
        await recordAlone({ db, audit }, { ...eventContext(p), action: 'payment.list', brandId: f.brandId, outcome: 'denied' });
        throw paymentErrors.not_found('Brand not found');
      }
      const limit = f.limit ?? 50;
      const offset = f.offset ?? 0;
      const filter = { ...(f.state && { state: f.state }), limit, offset };
      const narrow = (brands: string[]) => (f.brandId ? brands.filter((b) => b === f.brandId) : brands);
      let items: data.SessionRecord[];
      if (read === null) items = await data.listSessions(vault, db, { brandIds: f.brandId ? [f.brandId] : null, ...filter });
      else {
        // People who read payments see their brands'; agents see the sessions they took.
        const seen = await data.listSessions(vault, db, { brandIds: narrow(read), ...filter });
        const own = p.actor.kind === 'user' ? await data.listSessions(vault, db, { brandIds: narrow(take.filter((b) => !read.includes(b))), agentId: p.actor.id, ...filter }) : [];
        items = [...seen, ...own].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id)).slice(0, limit);
      }
      await recordAlone({ db, audit }, { ...eventContext(p), action: 'payment.list', brandId: f.brandId ?? null, outcome: 'success', details: { count: items.length } });
      return items;
    },
    cancel: (p, id) => drive(p, id, { op: 'cancel' }),
    reenter: (p, id, field) => drive(p, id, { op: 'reenter', field }),
    charge: (p, id) => drive(p, id, { op: 'charge' }),
    async keypress(p, signed, message) {
      const b = await captureBrand(p, 'payment.keypress');
      const secrets = await secretsOf(b);
      if (secrets.length === 0) throw paymentErrors.signing_not_configured();
      const problem = verifySignature(
        secrets.map((x) => x.toString('utf8')),
        signed.rawBody,
        signed.headers,
        now(),
      );
      if (problem) {
        await recordAlone({ db, audit }, { ...eventContext(p), action: 'payment.keypress', brandId: b, outcome: 'denied', details: { reason: `signature_${problem}` } });
        throw paymentErrors.bad_signature();
      }
      const s = await data.takeKeypressForCall(db, b, message.callRef, message.eventId, now());
      if (!s) {
        const live = await data.liveSessionOfCall(db, b, message.callRef);
        if (!live) throw paymentErrors.no_live_session();
        await recordAlone({ db, audit }, { ...eventContext(p), action: 'payment.keypress', brandId: b, outcome: 'denied', target: { type: 'payment', id: live.id }, details: { reason: 'replayed' } });
        throw paymentErrors.replayed();
      }
      await dispatch(s, { op: 'key', key: message.key }, byOf(p), message.eventId);
    },
    async bindRtpStream(p, b) {
      const brandId = await captureBrand(p, 'payment.rtp.bind');
      const bound = await db.transaction(async (tx) => {
        const taken = await data.bindRtpStream(tx, { ssrc: b.ssrc, brandId, callRef: b.callRef, sourceIp: b.sourceIp ?? null, payloadType: b.payloadType ?? 101, now: now() });
        if (taken) await audit.append(tx, { ...eventContext(p), action: 'payment.rtp.bind', brandId, outcome: 'success', details: { ssrc: b.ssrc, pinned: Boolean(b.sourceIp) } });
        return taken;
      });
      if (!bound) throw paymentErrors.ssrc_taken();
    },
    async openAudioStream(p, spec) {
      const brandId = await captureBrand(p, 'payment.audio.open');
      const context = { ...eventContext(p), brandId, outcome: 'success' as const };
      await recordAlone({ db, audit }, { ...context, action: 'payment.audio.open', details: { encoding: spec.encoding, sampleRate: spec.sampleRate } });
      const stream = createAudioStream(spec, (key) => service.pressForCall(brandId, spec.callRef, key, 'inband-audio'));
      return {
        frame: (bytes) => stream.frame(bytes),
        async end() {
          const stats = await stream.end();
          await recordAlone({ db, audit }, { ...context, action: 'payment.audio.close', details: { ...stats } });
          return stats;
        },
      };
    },
    async pressForCall(brandId, callRef, key, source) {
      const s = await data.liveSessionOfCall(db, brandId, callRef);
      if (!s) return false;
      await dispatch(s, { op: 'key', key }, { actor: { kind: 'system', id: source } });
      return true;
    },
    async watch(p, id, onView) {
      const s = await load(p, id, 'see', 'payment.watch');
      await commit.run([{ ...eventContext(p), action: 'payment.watch', brandId: s.brandId, outcome: 'success', target: { type: 'payment', id } }], async () => undefined);
      let last = 0;
      const w: Watcher = (m) => {
        if (m.version <= last) return; // the same view heard twice (locally and through the database)
        last = m.version;
        onView(m);
      };
      const unsubscribe = subscribe(id, w);
      w({ id, brandId: s.brandId, version: s.version, view: pickView(s) });
      return unsubscribe;
    },
    async settings(p, brandId) {
      await authorize({ db, audit }, p, 'payment.manage', brandId, { action: 'payment.settings.read' });
      return data.settingsOf(db, brandId);
    },
    async updateSettings(p, brandId, change) {
      await authorize({ db, audit }, p, 'payment.manage', brandId, { action: 'payment.settings.update' });
      if (change.processor === 'webhook' && !(change.processorUrl ?? (await data.settingsOf(db, brandId)).processorUrl)) {
        throw paymentErrors.invalid_input('processorUrl: the webhook processor needs the brand processor endpoint (https)');
      }
      await db.transaction(async (tx) => {
        await data.saveSettings(tx, brandId, change, now());
        await audit.append(tx, { ...eventContext(p), action: 'payment.settings.update', brandId, outcome: 'success', details: { changed: Object.keys(change).sort().join(',') } });
      });
      return data.settingsOf(db, brandId);
    },
    async rotateSigningSecret(p, brandId) {
      await authorize({ db, audit }, p, 'payment.manage', brandId, { action: 'payment.secret.rotate' });
      const secret = `cvps_${randomBytes(32).toString('base64url')}`;
      await db.transaction(async (tx) => {
        await data.rotateSigningSecret(vault, tx, brandId, Buffer.from(secret), now());
        await audit.append(tx, { ...eventContext(p), action: 'payment.secret.rotate', brandId, outcome: 'success' });
      });
      secretsOf.forget(brandId);
      return { secret };
    },
    async sweep() {
      await ensureStarted();
      await data.heartbeat(db, nodeId, now());
      return (await holder.expireDue()) + (await endOrphans());
    },
  };
  return service;
}

/** Memoizes an async lookup per key for `ms` (failures are not kept). */
function cached<T>(ms: number, load: (key: string) => Promise<T>): ((key: string) => Promise<T>) & { forget(key: string): void } {
  const entries = new Map<string, { value: Promise<T>; until: number }>();
  const get = (key: string): Promise<T> => {
    const hit = entries.get(key);
    if (hit && hit.until > Date.now()) return hit.value;
    if (entries.size > 1_000) entries.clear();
    const value = load(key);
    entries.set(key, { value, until: Date.now() + ms });
    value.catch(() => entries.delete(key));
    return value;
  };
  return Object.assign(get, { forget: (key: string) => void entries.delete(key) });
}

