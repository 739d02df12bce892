import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { openPostgres } from '../db/index.js';
import { CallvaultError } from '../errors.js';
import { composeServices } from '../server/compose.js';
import { forEachDatabase } from '../testing/databases.js';
import { buildApp } from './app.js';
import { registerConsole } from './console.js';
import { registerErrorHandler } from './error-handler.js';
import { CSRF, operator, startTestServer, type TestServer } from './http.test-helpers.js';
import { loggerOptions } from './logger.js';

/** Lines a Fastify logger writes, kept for inspection. */
function logSink(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(chunk.toString());
      cb();
    },
  });
  return { stream, text: () => chunks.join('') };
}

describe('error handler', () => {
  const sink = logSink();
  const app = Fastify({ logger: { ...(loggerOptions('info') as object), stream: sink.stream } });
  registerErrorHandler(app);
  app.get('/boom', async () => {
    const err = new Error('duplicate key value violates unique constraint "users_email_key" Key (email)=(alice@example.com) SELECT * FROM users');
    Object.assign(err, { code: '23505' });
    throw err;
  });
  app.get('/locked', async () => {
    throw new CallvaultError('locked', 'auth.locked', 'Account temporarily locked', 1799.2);
  });

  it('answers an unexpected error with 500 internal and no message, SQL or data, in the answer or the log', async () => {
    const res = await app.inject({ method: 'GET', url: '/boom', headers: { cookie: 'cv_session=s3cr3t-session', authorization: 'Bearer cvk_abc_s3cr3t' } });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: 'internal', message: 'internal error', requestId: expect.any(String) });
    const logs = sink.text();
    expect(logs).toContain('unexpected error');
    expect(logs).toContain('23505');
    for (const secret of ['alice', 'duplicate key', 'SELECT', 's3cr3t']) expect(logs).not.toContain(secret);
  });

  it('maps a CallvaultError to its status, code and Retry-After', async () => {
    const res = await app.inject({ method: 'GET', url: '/locked' });
    expect(res.statusCode).toBe(423);
    expect(res.headers['retry-after']).toBe('1800');
    expect(res.json()).toMatchObject({ error: 'auth.locked', message: 'Account temporarily locked' });
  });
});

describe('readiness', () => {
  it('is 503 when the database does not answer, while /healthz stays 200', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'callvault-ready-'));
    const db = openPostgres('postgres://nobody@127.0.0.1:1/none', 1);
    const config = loadConfig({ CALLVAULT_DATA_DIR: dir, LOG_LEVEL: 'silent' });
    const app = await buildApp(await composeServices(db, config), { consoleDir: false });
    expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(503);
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    await app.close();
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });
});

describe('console', () => {
  it('serves the built console, falls back to index.html for client routes, never for /api', async () => {
    const root = await mkdtemp(join(tmpdir(), 'callvault-console-'));
    await mkdir(join(root, 'assets'));
    await writeFile(join(root, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="/assets/app-1a2b.js"></script>');
    await writeFile(join(root, 'assets', 'app-1a2b.js'), 'console.log(1)');
    const app = Fastify();
    await registerConsole(app, root);
    const html = { accept: 'text/html' };
    expect((await app.inject({ method: 'GET', url: '/', headers: html })).body).toContain('id="root"');
    const deep = await app.inject({ method: 'GET', url: '/admin/users', headers: html });
    expect(deep.statusCode).toBe(200);
    expect(deep.body).toContain('id="root"');
    const asset = await app.inject({ method: 'GET', url: '/assets/app-1a2b.js' });
    expect(asset.headers['cache-control']).toContain('immutable');
    const api = await app.inject({ method: 'GET', url: '/api/v1/nothing-here', headers: html });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: 'request.not_found' });
    await app.close();
    await rm(root, { recursive: true, force: true });
  });
});

forEachDatabase('HTTP plumbing', (getDb) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(getDb());
  });
  afterAll(async () => t?.close());

  it('gives every answer a request id: the caller’s when it is a plain token, else a new one', async () => {
    const fresh = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'trace-1234567890' } });
    expect(kept.headers['x-request-id']).toBe('trace-1234567890');
    const forged = await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'x\n{"level":60}' } });
    expect(forged.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const err = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' });
    expect(err.json<{ requestId: string }>().requestId).toBe(err.headers['x-request-id']);
  });

  it('sends security headers: a strict CSP, no framing, no sniffing, no caching of API answers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('counts requests by route pattern, never by raw URL', async () => {
    const id = '11111111-2222-4333-8444-555555555555';
    await t.app.inject({ method: 'POST', url: `/api/v1/users/${id}/unlock`, headers: { 'x-callvault-csrf': '1' } });
    const metrics = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toContain('callvault_http_requests_total');
    expect(metrics).toMatch(/callvault_http_requests_total\{method="POST",route="\/api\/v1\/users\/:userId\/unlock",status="401"\} 1/);
    expect(metrics).toContain('callvault_http_request_duration_seconds_bucket');
    expect(metrics).not.toContain(id);
  });

  it('documents every /api route in /openapi.json, with no secret field in any answer', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json<{ paths: Record<string, Record<string, { responses?: object }>> }>();
    for (const r of t.app.routeTable.filter((x) => x.url.startsWith('/api/'))) {
      const path = r.url.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[path]?.[r.method.toLowerCase()], `${r.method} ${r.url}`).toBeDefined();
    }
    const responses = JSON.stringify(Object.values(doc.paths).flatMap((p) => Object.values(p).map((op) => op.responses)));
    for (const field of ['passwordHash', 'password_hash', 'secretHash', 'secret_hash', 'totpSecret', 'secret_sealed', 'codeHash']) {
      expect(responses).not.toContain(field);
    }
  });

  it('refuses to start a route that declares no auth or no response schema', async () => {
    const app = await buildApp(t.services, { consoleDir: false });
    expect(() => app.get('/api/v1/undeclared', async () => 'x')).toThrow(/config.auth/);
    expect(() => app.get('/api/v1/no-response', { config: { auth: 'public' } }, async () => 'x')).toThrow(/response schema/);
    await app.close();
  });

  it('records the client address from X-Forwarded-For only when the proxy is trusted', async () => {
    const trusting = await startTestServer(getDb(), { env: { CALLVAULT_TRUST_PROXY: '127.0.0.1' } });
    const ipOf = async (server: TestServer) => {
      const res = await server.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { ...CSRF, 'x-forwarded-for': '203.0.113.7' },
        payload: { email: `nobody-${Date.now()}@example.test`, password: 'whatever it is' },
      });
      const requestId = String(res.headers['x-request-id']);
      const { items } = await server.services.auditService.listEvents(operator, { action: 'auth.login', limit: 50 });
      return items.find((e) => e.requestId === requestId)?.ip;
    };
    expect(await ipOf(trusting)).toBe('203.0.113.7');
    expect(await ipOf(t)).toBe('127.0.0.1');
    await trusting.close();
  });
});
