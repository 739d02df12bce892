import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { generate } from 'otplib';
import type { AccessLimits, Principal } from '../access/index.js';
import { loadConfig } from '../config.js';
import type { Db } from '../db/types.js';
import { composeServices, type Services } from '../server/compose.js';
import { buildApp } from './app.js';

/**
 * Test support for in-process HTTP tests (app.inject): a real app on a real database (PGlite or
 * PostgreSQL from forEachDatabase), real vault and audit, a clock the test moves, and helpers
 * that sign people in through the HTTP API itself, MFA included.
 */
export interface TestServer {
  app: FastifyInstance;
  services: Services;
  clock: { now: Date; advance(seconds: number): void };
  close(): Promise<void>;
}

/** All test requests come from 127.0.0.1, so the per-IP login limit is raised; per-email and lockout stay real. */
const TEST_LIMITS: Partial<AccessLimits> = { loginPerIp: 100_000 };

export async function startTestServer(
  db: Db,
  opts: { dataDir?: string; limits?: Partial<AccessLimits>; env?: Record<string, string>; logStream?: { write(line: string): void } } = {},
): Promise<TestServer> {
  const dataDir = opts.dataDir ?? (await mkdtemp(join(tmpdir(), 'callvault-http-')));
  const config = loadConfig({ CALLVAULT_DATA_DIR: dataDir, CALLVAULT_SECURE_COOKIES: 'false', LOG_LEVEL: 'silent', ...opts.env });
  const clock = {
    now: new Date(),
    advance(seconds: number) {
      this.now = new Date(this.now.getTime() + seconds * 1000);
    },
  };
  const services = await composeServices(db, config, { clock: () => clock.now, accessLimits: { ...TEST_LIMITS, ...opts.limits } });
  const app = await buildApp(services, { consoleDir: false, ...(opts.logStream && { logStream: opts.logStream }) });
  await app.ready();
  return {
    app,
    services,
    clock,
    async close() {
      await app.close();
      await services.payments.stop();
      if (!opts.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The installation operator (CLI): sets up fixtures through the real services. */
export const operator: Principal = { actor: { kind: 'system', id: 'test-operator' }, isSecurityAdmin: false, roles: new Map() };

export const CSRF = { 'x-callvault-csrf': '1' };

/** The `cv_session` value a reply set, if any. */
export function sessionCookieOf(res: { cookies: { name: string; value: string }[] }): string | undefined {
  return res.cookies.find((c) => c.name === 'cv_session')?.value;
}

export interface SignedIn {
  cookie: string;
  /** Base32 TOTP secret when the user enrolled one. */
  totpSecret?: string;
}

/**
 * Signs a new user in through HTTP: one-time password, password change, TOTP enrollment when
 * required, until the session is a full one. `newPassword` becomes the user's password.
 */
export async function signInFirstTime(t: TestServer, email: string, oneTimePassword: string, newPassword: string): Promise<SignedIn> {
  const { app } = t;
  let res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: CSRF, payload: { email, password: oneTimePassword } });
  let cookie = must(sessionCookieOf(res), `login ${res.statusCode} ${res.body}`);
  let status = res.json<{ status: string }>().status;
  let totpSecret: string | undefined;
  for (let i = 0; i < 4 && status !== 'ok'; i++) {
    if (status === 'password_change_required') {
      res = await post(t, '/api/v1/auth/password', cookie, { currentPassword: oneTimePassword, newPassword });
    } else if (status === 'mfa_enrollment_required') {
      const enroll = await post(t, '/api/v1/mfa/totp/enroll', cookie);
      if (enroll.statusCode !== 200) throw new Error(`enroll: ${enroll.statusCode} ${enroll.body}`);
      totpSecret = must(new URL(enroll.json<{ otpauthUrl: string }>().otpauthUrl).searchParams.get('secret') ?? undefined, 'otpauth secret');
      res = await post(t, '/api/v1/mfa/totp/confirm', cookie, { code: await totpCode(t, totpSecret) });
    } else {
      throw new Error(`unexpected sign-in status ${status}`);
    }
    if (res.statusCode !== 200) throw new Error(`sign-in step failed: ${res.statusCode} ${res.body}`);
    cookie = sessionCookieOf(res) ?? cookie;
    status = res.json<{ status: string }>().status;
  }
  if (status !== 'ok') throw new Error(`sign-in did not finish: ${status}`);
  return { cookie, ...(totpSecret && { totpSecret }) };
}

/** The TOTP code for the server's current time (the test clock). */
export async function totpCode(t: TestServer, secret: string): Promise<string> {
  return generate({ secret, epoch: Math.floor(t.clock.now.getTime() / 1000), period: 30 });
}

export async function post(t: TestServer, url: string, cookie: string, payload?: object) {
  return t.app.inject({ method: 'POST', url, headers: { ...CSRF, cookie: `cv_session=${cookie}` }, ...(payload && { payload }) });
}

export async function get(t: TestServer, url: string, cookie: string) {
  return t.app.inject({ method: 'GET', url, headers: { cookie: `cv_session=${cookie}` } });
}

function must<T>(v: T | undefined, what: string): T {
  if (v === undefined) throw new Error(`missing: ${what}`);
  return v;
}
