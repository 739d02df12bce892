import { randomUUID } from 'node:crypto';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import type { Queryable } from '../db/types.js';
import { toBuffer } from './secrets.js';

const CHALLENGE_SECONDS = 5 * 60;
type Purpose = 'registration' | 'authentication';

/** Relying party from the public URL: the passkey is bound to this host name and origin. */
export function relyingParty(publicUrl: string): { rpID: string; origin: string } {
  const u = new URL(publicUrl);
  return { rpID: u.hostname, origin: u.origin };
}

interface StoredCredential {
  id: string;
  credentialId: string;
  publicKey: Buffer;
  counter: number;
  transports: string[];
}

async function userCredentials(q: Queryable, userId: string): Promise<StoredCredential[]> {
  const { rows } = await q.query<{ id: string; credential_id: string; public_key: Uint8Array; counter: number; transports: string }>(
    'SELECT id, credential_id, public_key, counter, transports FROM webauthn_credentials WHERE user_id = $1',
    [userId],
  );
  return rows.map((r) => ({
    id: r.id,
    credentialId: r.credential_id,
    publicKey: toBuffer(r.public_key),
    counter: Number(r.counter),
    transports: r.transports ? r.transports.split(',') : [],
  }));
}

async function storeChallenge(q: Queryable, sessionHash: Buffer, purpose: Purpose, challenge: string, now: Date): Promise<void> {
  await q.query(
    `INSERT INTO webauthn_challenges (session_hash, purpose, challenge, expires_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (session_hash, purpose) DO UPDATE SET challenge = EXCLUDED.challenge, expires_at = EXCLUDED.expires_at`,
    [sessionHash, purpose, challenge, new Date(now.getTime() + CHALLENGE_SECONDS * 1000)],
  );
}

/**
 * Takes the session's challenge and deletes it in one statement: whatever the verification's
 * outcome, a challenge answers at most one response (no replay). Call outside the transaction
 * that may roll back, so the burn sticks.
 */
export async function burnChallenge(q: Queryable, sessionHash: Buffer, purpose: Purpose, now: Date): Promise<string | null> {
  const { rows } = await q.query<{ challenge: string; expires_at: Date }>(
    'DELETE FROM webauthn_challenges WHERE session_hash = $1 AND purpose = $2 RETURNING challenge, expires_at',
    [sessionHash, purpose],
  );
  const r = rows[0];
  return r && new Date(r.expires_at) > now ? r.challenge : null;
}

export async function registrationOptions(
  q: Queryable,
  sessionHash: Buffer,
  user: { id: string; email: string; displayName: string },
  publicUrl: string,
  now: Date,
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const { rpID } = relyingParty(publicUrl);
  const existing = await userCredentials(q, user.id);
  const options = await generateRegistrationOptions({
    rpName: 'callvault',
    rpID,
    userName: user.email,
    userDisplayName: user.displayName,
    userID: new TextEncoder().encode(user.id),
    attestationType: 'none',
    excludeCredentials: existing.map((c) => ({ id: c.credentialId, transports: c.transports })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  });
  await storeChallenge(q, sessionHash, 'registration', options.challenge, now);
  return options;
}

/** Verifies an attestation against the burned challenge and stores the new credential; returns its id or null. */
export async function registerCredential(
  q: Queryable,
  userId: string,
  challenge: string,
  response: RegistrationResponseJSON,
  label: string,
  publicUrl: string,
  now: Date,
): Promise<string | null> {
  const { rpID, origin } = relyingParty(publicUrl);
  let result;
  try {
    result = await verifyRegistrationResponse({ response, expectedChallenge: challenge, expectedOrigin: origin, expectedRPID: rpID, requireUserVerification: false });
  } catch {
    return null; // malformed or forged: the library's message may echo input, so it is not passed on
  }
  if (!result.verified) return null;
  const { credential } = result.registrationInfo;
  const id = randomUUID();
  await q.query(
    `INSERT INTO webauthn_credentials (id, user_id, credential_id, public_key, counter, transports, label, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [id, userId, credential.id, Buffer.from(credential.publicKey), credential.counter, (credential.transports ?? []).join(','), label, now],
  );
  return id;
}

export async function authenticationOptions(
  q: Queryable,
  sessionHash: Buffer,
  userId: string,
  publicUrl: string,
  now: Date,
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const { rpID } = relyingParty(publicUrl);
  const creds = await userCredentials(q, userId);
  const options = await generateAuthenticationOptions({
    rpID,
    allowCredentials: creds.map((c) => ({ id: c.credentialId, transports: c.transports })),
    userVerification: 'preferred',
  });
  await storeChallenge(q, sessionHash, 'authentication', options.challenge, now);
  return options;
}

/**
 * Verifies an assertion by one of the user's own credentials; records the signature counter
 * (a counter that does not grow signals a cloned authenticator and is refused by the library).
 */
export async function verifyAssertion(
  q: Queryable,
  userId: string,
  challenge: string,
  response: AuthenticationResponseJSON,
  publicUrl: string,
  now: Date,
): Promise<string | null> {
  const { rpID, origin } = relyingParty(publicUrl);
  const cred = (await userCredentials(q, userId)).find((c) => c.credentialId === response.id);
  if (!cred) return null;
  let result;
  try {
    result = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      credential: { id: cred.credentialId, publicKey: new Uint8Array(cred.publicKey), counter: cred.counter, transports: cred.transports },
      requireUserVerification: false,
    });
  } catch {
    return null;
  }
  if (!result.verified) return null;
  await q.query('UPDATE webauthn_credentials SET counter = $2, last_used_at = $3 WHERE id = $1', [cred.id, result.authenticationInfo.newCounter, now]);
  return cred.id;
}
