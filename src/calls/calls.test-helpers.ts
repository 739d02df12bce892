import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Role } from '../access/index.js';
import { writeWav } from '../audio/index.js';
import { CSRF, operator, sessionCookieOf, signInFirstTime, totpCode, type TestServer } from '../http/http.test-helpers.js';
import { createWorker } from '../jobs/index.js';

/** The redaction engine's format fixtures: one call in every transcript format. */
export const FIXTURES = join(fileURLToPath(new URL('.', import.meta.url)), '..', 'redaction', 'formats', 'fixtures');
export const fixtureFiles = () => readdirSync(FIXTURES).filter((f) => !f.startsWith('.'));
export const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

export interface CallsWorld {
  brandA: string;
  brandB: string;
  /** `authorization` header of an integration key of brand A with call.ingest. */
  ingestKey: string;
  ingestKeyB: string;
  cookies: Record<'reviewerA' | 'reviewerB' | 'supervisorA' | 'agentA' | 'auditorA' | 'admin', string>;
  userIds: Record<string, string>;
  /** Email and password of each person, to sign in again after the clock moved. */
  logins: Record<string, { email: string; password: string; totpSecret?: string }>;
}

/** Two brands, an ingest key for each, and a signed-in person per role (brand A unless named B). */
export async function callsWorld(t: TestServer): Promise<CallsWorld> {
  const { access } = t.services;
  const suffix = randomUUID().slice(0, 8);
  const a = await access.brands.create(operator, { name: `Calls A ${suffix}` });
  const b = await access.brands.create(operator, { name: `Calls B ${suffix}` });
  const key = async (brandId: string) => `Bearer ${(await access.apiKeys.create(operator, brandId, { name: 'recorder', scopes: ['call.ingest'], expiresInDays: 30 })).secret}`;
  const people: [keyof CallsWorld['cookies'], Role, string | null][] = [
    ['reviewerA', 'qa_reviewer', a.id],
    ['reviewerB', 'qa_reviewer', b.id],
    ['supervisorA', 'supervisor', a.id],
    ['agentA', 'agent', a.id],
    ['auditorA', 'auditor', a.id],
    ['admin', 'security_admin', null],
  ];
  const cookies = {} as CallsWorld['cookies'];
  const userIds: Record<string, string> = {};
  const logins: CallsWorld['logins'] = {};
  for (const [name, role, brandId] of people) {
    const email = `${name.toLowerCase()}-${suffix}@example.test`;
    const password = `passphrase for ${name} ${suffix}`;
    const created = await access.users.create(operator, { email, displayName: name, isSecurityAdmin: brandId === null, assignments: brandId ? [{ brandId, role }] : [] });
    const signed = await signInFirstTime(t, email, created.oneTimePassword, password);
    cookies[name] = signed.cookie;
    userIds[name] = created.user.id;
    logins[name] = { email, password, ...(signed.totpSecret && { totpSecret: signed.totpSecret }) };
  }
  return { brandA: a.id, brandB: b.id, ingestKey: await key(a.id), ingestKeyB: await key(b.id), cookies, userIds, logins };
}

/** A new full session for one of the world's people (password, then TOTP when enrolled). */
export async function signInAgain(t: TestServer, w: CallsWorld, name: string): Promise<string> {
  const login = w.logins[name]!;
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: CSRF, payload: { email: login.email, password: login.password } });
  let cookie = sessionCookieOf(res)!;
  if (res.json<{ status: string }>().status === 'mfa_required' && login.totpSecret) {
    t.clock.advance(30); // a fresh TOTP step: the enrollment code may not be replayed
    const mfa = await t.app.inject({ method: 'POST', url: '/api/v1/auth/mfa/totp', headers: { ...CSRF, cookie: `cv_session=${cookie}` }, payload: { code: await totpCode(t, login.totpSecret) } });
    cookie = sessionCookieOf(mfa) ?? cookie;
  }
  return cookie;
}

/** A multipart/form-data body: fields in order, the last one may be a binary file. */
export function multipart(parts: { name: string; value: string | Buffer; filename?: string; type?: string }[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----callvault${randomUUID().replace(/-/g, '')}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"` : ''}`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`));
    chunks.push(Buffer.isBuffer(p.value) ? p.value : Buffer.from(p.value));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export async function ingestJson(t: TestServer, auth: string, brandId: string, body: object, idempotencyKey?: string) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/brands/${brandId}/calls`,
    headers: { authorization: auth, ...(idempotencyKey && { 'idempotency-key': idempotencyKey }) },
    payload: body,
  });
}

/** Runs every queued job to the end (the server's worker, in the test's own loop). */
export async function runJobs(t: TestServer): Promise<number> {
  return createWorker({ db: t.services.db, handlers: t.services.calls.jobHandlers, backoffMs: 1 }).runUntilIdle();
}

export const as = (cookie: string) => ({ ...CSRF, cookie: `cv_session=${cookie}` });

/** A PCM16 WAV of a quiet 300 Hz hum, `seconds` long: a recording to ingest. */
export function testWav(seconds: number, sampleRate = 8000, channels = 1): Buffer {
  const hum = Int16Array.from({ length: Math.round(seconds * sampleRate) }, (_, i) => Math.round(3000 * Math.sin((2 * Math.PI * 300 * i) / sampleRate)));
  return Buffer.from(writeWav({ codec: 'pcm', sampleRate, channels, bitsPerSample: 16 }, Array.from({ length: channels }, () => hum)));
}

async function* once(b: Buffer) {
  yield b;
}

/** A call of `brandId` ingested with a recording (through the service) and redacted; its id. */
export async function matrixCall(t: TestServer, brandId: string, tag: string): Promise<string> {
  const transcript = JSON.stringify({
    format: 'callvault.conversation',
    version: 1,
    turns: [
      { speaker: 'agent', channel: 0, start: 0.2, end: 1.4, text: 'What is the card number?' },
      { speaker: 'customer', channel: 0, start: 1.6, end: 3.8, text: `It is 4111 1111 1111 1111, ${tag} here` },
    ],
  });
  const { call } = await t.services.calls.ingest.ingest(operator, brandId, { metadata: { externalId: `ext-${tag}` }, transcript, recording: once(testWav(4)) });
  await runJobs(t);
  return call.id;
}
