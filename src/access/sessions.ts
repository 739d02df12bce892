import type { Queryable } from '../db/types.js';
import { randomToken, sha256 } from './secrets.js';
import type { AccessLimits, LoginStatus } from './types.js';

/** Where a session is in the sign-in sequence; only `active` sessions act as a Principal. */
export type SessionStage = 'password_change' | 'mfa' | 'mfa_enrollment' | 'active';

export const STATUS_OF_STAGE: Record<SessionStage, LoginStatus> = {
  active: 'ok',
  mfa: 'mfa_required',
  mfa_enrollment: 'mfa_enrollment_required',
  password_change: 'password_change_required',
};

export interface LiveSession {
  idHash: Buffer;
  userId: string;
  stage: SessionStage;
  mfaVerified: boolean;
}

/**
 * Opens a session and returns its id: 256 random bits, given to the client once; the database
 * keeps only its SHA-256, so a database reader cannot hijack sessions. Full sessions live at most
 * `sessionAbsoluteSeconds`, pending ones `pendingSessionSeconds`.
 */
export async function openSession(
  q: Queryable,
  userId: string,
  stage: SessionStage,
  mfaVerified: boolean,
  now: Date,
  limits: AccessLimits,
): Promise<string> {
  const id = randomToken(32);
  const lifetime = stage === 'active' ? limits.sessionAbsoluteSeconds : limits.pendingSessionSeconds;
  await q.query(
    `INSERT INTO sessions (id_hash, user_id, stage, mfa_verified, created_at, last_seen_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $5, $6)`,
    [sha256(id), userId, stage, mfaVerified, now, new Date(now.getTime() + lifetime * 1000)],
  );
  return id;
}

/**
 * The live session behind `sessionId`, with its idle clock restarted; null when unknown, idle
 * for longer than `sessionIdleSeconds` or past its absolute end (PCI DSS 8.2.8). One UPDATE
 * checks and touches at once, so two servers cannot revive an expired session.
 */
export async function touchSession(
  q: Queryable,
  sessionId: string,
  now: Date,
  limits: AccessLimits,
): Promise<LiveSession | null> {
  if (!sessionId || sessionId.length > 128) return null;
  // Looked up by the hash of the id: index timing can only reveal bits of a SHA-256 output,
  // which says nothing usable about any live id, so no separate constant-time compare is needed.
  const idHash = sha256(sessionId);
  const { rows } = await q.query<{ user_id: string; stage: SessionStage; mfa_verified: boolean }>(
    `UPDATE sessions SET last_seen_at = $2
      WHERE id_hash = $1 AND expires_at > $2 AND last_seen_at > $3
      RETURNING user_id, stage, mfa_verified`,
    [idHash, now, new Date(now.getTime() - limits.sessionIdleSeconds * 1000)],
  );
  const r = rows[0];
  if (!r) {
    await q.query('DELETE FROM sessions WHERE id_hash = $1', [idHash]); // expired: gone for good
    return null;
  }
  return { idHash, userId: r.user_id, stage: r.stage, mfaVerified: r.mfa_verified };
}

/** Ends one session (logout, or the old id on rotation). */
export async function closeSession(q: Queryable, idHash: Buffer): Promise<void> {
  await q.query('DELETE FROM sessions WHERE id_hash = $1', [idHash]);
}

/** Ends every session of a user (logout everywhere, password change, MFA reset). */
export async function closeUserSessions(q: Queryable, userId: string, exceptIdHash?: Buffer): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    `WITH gone AS (DELETE FROM sessions WHERE user_id = $1 AND ($2::bytea IS NULL OR id_hash <> $2) RETURNING 1)
     SELECT count(*)::int AS n FROM gone`,
    [userId, exceptIdHash ?? null],
  );
  return Number(rows[0]?.n ?? 0);
}

/** Drops sessions no one can use any more (called now and then on sign-in). */
export async function purgeDeadSessions(q: Queryable, now: Date, limits: AccessLimits): Promise<void> {
  await q.query('DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at <= $2', [
    now,
    new Date(now.getTime() - limits.sessionIdleSeconds * 1000),
  ]);
}
