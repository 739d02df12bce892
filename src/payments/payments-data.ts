import type { Queryable } from '../db/types.js';
import type { Vault } from '../vault/index.js';
import type { MaskedProgress } from './capture.js';
import { PROGRESS_CHANNEL, type ProgressMessage } from './bus.js';
import { LIVE_STATES, pickView, type SessionState, type SessionView } from './lifecycle.js';

/**
 * SQL for payment sessions, brand payment settings, nodes and keypress ids. What is written here
 * is the masked view of a session and ids; the description agents type is sealed (brand data key).
 */
export interface PaymentSettings {
  brandId: string;
  processor: 'sandbox' | 'webhook';
  processorUrl: string | null;
  recordingUrl: string | null;
  collectPostal: boolean;
  keepToken: boolean;
  maxAttempts: number;
  timeoutSeconds: number;
  hasSigningSecret: boolean;
  updatedAt: string;
}

export interface SessionRecord extends SessionView {
  id: string;
  brandId: string;
  callRef: string;
  agentId: string | null;
  amountMinor: number;
  currency: string;
  description: string;
  tokenId: string | null;
  holderNode: string;
  version: number;
  expiresAt: string;
  createdAt: string;
  updatedAt: string;
  endedAt: string | null;
}

interface SettingsRow {
  brand_id: string;
  processor: 'sandbox' | 'webhook';
  processor_url: string | null;
  recording_url: string | null;
  collect_postal: boolean;
  keep_token: boolean;
  max_attempts: number;
  timeout_seconds: number;
  signing_secret_sealed: Uint8Array | null;
  previous_secret_sealed: Uint8Array | null;
  updated_at: Date | string;
}

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

export const DEFAULT_SETTINGS = { processor: 'sandbox', processorUrl: null, recordingUrl: null, collectPostal: false, keepToken: false, maxAttempts: 3, timeoutSeconds: 300 } as const;

export async function settingsOf(q: Queryable, brandId: string): Promise<PaymentSettings> {
  const { rows } = await q.query<SettingsRow>('SELECT * FROM payment_settings WHERE brand_id = $1', [brandId]);
  const r = rows[0];
  if (!r) return { brandId, ...DEFAULT_SETTINGS, hasSigningSecret: false, updatedAt: new Date(0).toISOString() };
  return {
    brandId,
    processor: r.processor,
    processorUrl: r.processor_url,
    recordingUrl: r.recording_url,
    collectPostal: r.collect_postal,
    keepToken: r.keep_token,
    maxAttempts: r.max_attempts,
    timeoutSeconds: r.timeout_seconds,
    hasSigningSecret: r.signing_secret_sealed !== null,
    updatedAt: iso(r.updated_at) ?? '',
  };
}

export type SettingsChange = Partial<Pick<PaymentSettings, 'processor' | 'processorUrl' | 'recordingUrl' | 'collectPostal' | 'keepToken' | 'maxAttempts' | 'timeoutSeconds'>>;

export async function saveSettings(q: Queryable, brandId: string, change: SettingsChange, now: Date): Promise<void> {
  const s = { ...(await settingsOf(q, brandId)), ...change };
  await q.query(
    `INSERT INTO payment_settings (brand_id, processor, processor_url, recording_url, collect_postal, keep_token, max_attempts, timeout_seconds, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (brand_id) DO UPDATE SET processor = $2, processor_url = $3, recording_url = $4, collect_postal = $5, keep_token = $6,
       max_attempts = $7, timeout_seconds = $8, updated_at = $9`,
    [brandId, s.processor, s.processorUrl, s.recordingUrl, s.collectPostal, s.keepToken, s.maxAttempts, s.timeoutSeconds, now],
  );
}

/** The brand's signing secrets, newest first (two during a rotation). */
export async function signingSecrets(vault: Vault, q: Queryable, brandId: string): Promise<Buffer[]> {
  const { rows } = await q.query<Pick<SettingsRow, 'signing_secret_sealed' | 'previous_secret_sealed'>>(
    'SELECT signing_secret_sealed, previous_secret_sealed FROM payment_settings WHERE brand_id = $1',
    [brandId],
  );
  const out: Buffer[] = [];
  for (const sealed of [rows[0]?.signing_secret_sealed, rows[0]?.previous_secret_sealed]) {
    if (sealed) out.push(await vault.decrypt(q, { brandId }, brandId, Buffer.from(sealed)));
  }
  return out;
}

/** Makes `secret` the current one and keeps the current one as previous (still accepted). */
export async function rotateSigningSecret(vault: Vault, q: Queryable, brandId: string, secret: Buffer, now: Date): Promise<void> {
  await saveSettings(q, brandId, {}, now);
  const sealed = await vault.encrypt(q, { brandId }, brandId, secret);
  await q.query('UPDATE payment_settings SET previous_secret_sealed = signing_secret_sealed, signing_secret_sealed = $2, updated_at = $3 WHERE brand_id = $1', [brandId, sealed, now]);
}

interface SessionRow {
  id: string;
  brand_id: string;
  call_ref: string;
  agent_id: string | null;
  amount_minor: number | string;
  currency: string;
  description_sealed: Uint8Array;
  state: SessionState;
  progress: MaskedProgress | string;
  masked_card: string | null;
  card_brand: string;
  reason: string | null;
  processor_reference: string | null;
  token_id: string | null;
  holder_node: string;
  version: number;
  expires_at: Date | string;
  created_at: Date | string;
  updated_at: Date | string;
  ended_at: Date | string | null;
}

async function toRecord(vault: Vault, q: Queryable, r: SessionRow): Promise<SessionRecord> {
  return {
    id: r.id,
    brandId: r.brand_id,
    callRef: r.call_ref,
    agentId: r.agent_id,
    amountMinor: Number(r.amount_minor),
    currency: r.currency,
    description: (await vault.decrypt(q, { brandId: r.brand_id }, r.id, Buffer.from(r.description_sealed))).toString('utf8'),
    state: r.state,
    progress: typeof r.progress === 'string' ? (JSON.parse(r.progress) as MaskedProgress) : r.progress,
    maskedCard: r.masked_card,
    cardBrand: r.card_brand as SessionView['cardBrand'],
    reason: r.reason,
    processorReference: r.processor_reference,
    tokenId: r.token_id,
    holderNode: r.holder_node,
    version: r.version,
    expiresAt: iso(r.expires_at) ?? '',
    createdAt: iso(r.created_at) ?? '',
    updatedAt: iso(r.updated_at) ?? '',
    endedAt: iso(r.ended_at),
  };
}

export type NewSessionRow = Pick<SessionRecord, 'id' | 'brandId' | 'callRef' | 'agentId' | 'amountMinor' | 'currency' | 'description' | 'holderNode'> & {
  view: SessionView;
  expiresAt: Date;
  now: Date;
};

/** Inserts a session; false when the call already has a live one (the partial unique index). */
export async function insertSession(vault: Vault, q: Queryable, s: NewSessionRow): Promise<boolean> {
  const sealed = await vault.encrypt(q, { brandId: s.brandId }, s.id, Buffer.from(s.description, 'utf8'));
  const { rows } = await q.query(
    `INSERT INTO payment_sessions (id, brand_id, call_ref, agent_id, amount_minor, currency, description_sealed, state, progress, masked_card, card_brand,
       holder_node, expires_at, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14)
     ON CONFLICT (brand_id, call_ref) WHERE state IN ('collecting', 'ready', 'processing') DO NOTHING RETURNING id`,
    [s.id, s.brandId, s.callRef, s.agentId, s.amountMinor, s.currency, sealed, s.view.state, JSON.stringify(s.view.progress), s.view.maskedCard, s.view.cardBrand, s.holderNode, s.expiresAt, s.now],
  );
  return rows.length === 1;
}

export async function findSession(vault: Vault, q: Queryable, id: string): Promise<SessionRecord | undefined> {
  const { rows } = await q.query<SessionRow>('SELECT * FROM payment_sessions WHERE id = $1', [id]);
  return rows[0] && toRecord(vault, q, rows[0]);
}

export async function liveSessionOfCall(q: Queryable, brandId: string, callRef: string): Promise<{ id: string; holderNode: string } | undefined> {
  const { rows } = await q.query<{ id: string; holder_node: string }>(
    `SELECT id, holder_node FROM payment_sessions WHERE brand_id = $1 AND call_ref = $2 AND state IN ('collecting', 'ready', 'processing')`,
    [brandId, callRef],
  );
  return rows[0] && { id: rows[0].id, holderNode: rows[0].holder_node };
}

export async function listSessions(
  vault: Vault,
  q: Queryable,
  f: { brandIds: string[] | null; agentId?: string; state?: SessionState; limit: number; offset: number },
): Promise<SessionRecord[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.brandIds) where.push(`brand_id = ANY($${params.push(f.brandIds)}::uuid[])`);
  if (f.agentId) where.push(`agent_id = $${params.push(f.agentId)}`);
  if (f.state) where.push(`state = $${params.push(f.state)}`);
  const { rows } = await q.query<SessionRow>(
    `SELECT * FROM payment_sessions ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT $${params.push(f.limit)} OFFSET $${params.push(f.offset)}`,
    params,
  );
  // One row after another: `q` may be a transaction's single connection (pg refuses overlapping queries there).
  const out = [];
  for (const r of rows) out.push(await toRecord(vault, q, r));
  return out;
}

/**
 * Writes a session's new masked view and announces it to every node in the same statement (the
 * notification is delivered at commit); returns the announcement.
 */
export async function saveView(q: Queryable, id: string, brandId: string, view: SessionView, now: Date, tokenId?: string): Promise<ProgressMessage> {
  const masked = pickView(view);
  const { rows } = await q.query<{ version: number }>(
    `WITH u AS (
       UPDATE payment_sessions SET state = $2, progress = $3, masked_card = $4, card_brand = $5, reason = $6, processor_reference = $7,
         token_id = COALESCE($8, token_id), version = version + 1, updated_at = $9, ended_at = CASE WHEN $10 THEN $9 ELSE ended_at END
       WHERE id = $1 RETURNING version
     )
     SELECT u.version, pg_notify($11, json_build_object('id', $1::text, 'brandId', $12::text, 'version', u.version, 'view', $13::jsonb)::text) FROM u`,
    [id, view.state, JSON.stringify(view.progress), view.maskedCard, view.cardBrand, view.reason, view.processorReference, tokenId ?? null, now, !LIVE_STATES.includes(view.state), PROGRESS_CHANNEL, brandId, JSON.stringify(masked)],
  );
  return { id, brandId, version: rows[0]?.version ?? 0, view: masked };
}

/**
 * Takes a keypress message for the call's live session in one statement: the session it belongs
 * to, or null when the id was already received (a replay) or the call has no live session.
 */
export async function takeKeypressForCall(q: Queryable, brandId: string, callRef: string, eventId: string, now: Date): Promise<{ id: string; holderNode: string } | null> {
  const { rows } = await q.query<{ id: string; holder_node: string }>(
    `WITH live AS (
       SELECT id, holder_node FROM payment_sessions WHERE brand_id = $1 AND call_ref = $2 AND state IN ('collecting', 'ready', 'processing')
     ), taken AS (
       INSERT INTO payment_keypress_events (session_id, event_id, received_at) SELECT id, $3, $4 FROM live ON CONFLICT DO NOTHING RETURNING session_id
     )
     SELECT live.id, live.holder_node FROM live JOIN taken ON taken.session_id = live.id`,
    [brandId, callRef, eventId, now],
  );
  return rows[0] ? { id: rows[0].id, holderNode: rows[0].holder_node } : null;
}

export async function registerNode(q: Queryable, nodeId: string, publicKey: Buffer, now: Date): Promise<void> {
  await q.query(
    `INSERT INTO payment_nodes (node_id, code_public_key, started_at, heartbeat_at) VALUES ($1, $2, $3, $3)
     ON CONFLICT (node_id) DO UPDATE SET code_public_key = $2, started_at = $3, heartbeat_at = $3`,
    [nodeId, publicKey, now],
  );
}

export async function heartbeat(q: Queryable, nodeId: string, now: Date): Promise<void> {
  await q.query('UPDATE payment_nodes SET heartbeat_at = $2 WHERE node_id = $1', [nodeId, now]);
}

export async function nodeKey(q: Queryable, nodeId: string, aliveSince: Date): Promise<Buffer | undefined> {
  const { rows } = await q.query<{ code_public_key: Uint8Array }>('SELECT code_public_key FROM payment_nodes WHERE node_id = $1 AND heartbeat_at >= $2', [nodeId, aliveSince]);
  return rows[0] && Buffer.from(rows[0].code_public_key);
}

/**
 * Live sessions whose holder can no longer finish them: the node stopped beating, or restarted
 * (its memory, and the digits in it, are gone), or the session outlived its deadline there.
 */
export async function orphanedSessions(q: Queryable, now: Date, aliveSince: Date): Promise<{ id: string; brand_id: string; reason: 'node_lost' | 'session_timeout' }[]> {
  const { rows } = await q.query<{ id: string; brand_id: string; reason: 'node_lost' | 'session_timeout' }>(
    `SELECT s.id, s.brand_id, CASE WHEN n.node_id IS NULL OR n.heartbeat_at < $2 OR n.started_at > s.created_at THEN 'node_lost' ELSE 'session_timeout' END AS reason
       FROM payment_sessions s LEFT JOIN payment_nodes n ON n.node_id = s.holder_node
      WHERE s.state IN ('collecting', 'ready', 'processing')
        AND (n.node_id IS NULL OR n.heartbeat_at < $2 OR n.started_at > s.created_at OR s.expires_at < $1::timestamptz - interval '1 minute')
      LIMIT 500`,
    [now, aliveSince],
  );
  return rows;
}

/** Binds an RTP stream to a call; false when another brand bound the SSRC within the hour (it stays theirs). */
export async function bindRtpStream(q: Queryable, b: { ssrc: number; brandId: string; callRef: string; sourceIp: string | null; payloadType: number; now: Date }): Promise<boolean> {
  const { rows } = await q.query(
    `INSERT INTO payment_rtp_streams (ssrc, brand_id, call_ref, source_ip, payload_type, created_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (ssrc) DO UPDATE SET brand_id = EXCLUDED.brand_id, call_ref = EXCLUDED.call_ref, source_ip = EXCLUDED.source_ip,
       payload_type = EXCLUDED.payload_type, created_at = EXCLUDED.created_at
     WHERE payment_rtp_streams.brand_id = EXCLUDED.brand_id OR payment_rtp_streams.created_at < $6::timestamptz - interval '1 hour'
     RETURNING ssrc`,
    [b.ssrc, b.brandId, b.callRef, b.sourceIp, b.payloadType, b.now],
  );
  return rows.length === 1;
}

export interface RtpBinding {
  brandId: string;
  callRef: string;
  sourceIp: string | null;
  payloadType: number;
}

export async function rtpBindingOf(q: Queryable, ssrc: number): Promise<RtpBinding | null> {
  const { rows } = await q.query<{ brand_id: string; call_ref: string; source_ip: string | null; payload_type: number }>(
    'SELECT brand_id, call_ref, source_ip, payload_type FROM payment_rtp_streams WHERE ssrc = $1',
    [ssrc],
  );
  const r = rows[0];
  return r ? { brandId: r.brand_id, callRef: r.call_ref, sourceIp: r.source_ip, payloadType: r.payload_type } : null;
}
