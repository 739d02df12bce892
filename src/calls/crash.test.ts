import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { openPostgres, type Db } from '../db/index.js';
import { composeServices } from '../server/compose.js';
import { createPostgresDatabase, postgresAvailable } from '../testing/databases.js';
import { testWav } from './calls.test-helpers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SYSTEM = { actor: { kind: 'system', id: 'crash-test' }, isSecurityAdmin: false, roles: new Map() } as const;

/** `callvault serve` as a real process; resolves once it prints that it is ready. */
async function serve(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', CALLVAULT_SECURE_COOKIES: 'false', LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const until = Date.now() + 30_000;
  while (!out.includes('callvault ready')) {
    if (child.exitCode !== null || Date.now() > until) throw new Error(`server did not start: ${out.slice(-600)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return child;
}

/**
 * The durability promise of ingest: an acknowledged call is stored. A server killed with SIGKILL
 * in the middle of a batch loses none of the calls it acknowledged, and after a restart every
 * redaction job finishes (a job the dead server held is taken over when its lease runs out).
 * PostgreSQL only: it is what production runs, and a second process must reach the database.
 */
describe.skipIf(!postgresAvailable())('calls: kill -9 during a batch ingest', () => {
  let dataDir: string;
  let drop: () => Promise<void>;
  let db: Db;
  let env: Record<string, string>;
  let server: ChildProcess | undefined;
  beforeAll(async () => {
    const created = await createPostgresDatabase();
    drop = created.drop;
    dataDir = await mkdtemp(join(tmpdir(), 'callvault-crash-'));
    env = { DATABASE_URL: created.url, CALLVAULT_DATA_DIR: dataDir, PORT: String(21_000 + Math.floor(Math.random() * 20_000)), CALLVAULT_JOB_LEASE_SECONDS: '5' };
  });
  afterAll(async () => {
    server?.kill('SIGKILL');
    await db?.close();
    await drop?.();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('loses no acknowledged call and finishes every job after a restart', { timeout: 150_000 }, async () => {
    server = await serve(env);
    // The test's own view of the same installation (same database, same key folder).
    db = openPostgres(env.DATABASE_URL!);
    const services = await composeServices(db, loadConfig({ ...env, LOG_LEVEL: 'silent' }));
    const [brand] = await services.access.brands.list(SYSTEM);
    const { secret } = await services.access.apiKeys.create(SYSTEM, brand!.id, { name: 'recorder', scopes: ['call.ingest'], expiresInDays: 1 });
    const base = `http://127.0.0.1:${env.PORT}`;
    const recording = testWav(6, 8000, 2);

    const acknowledged = new Set<string>();
    const send = async (n: number): Promise<boolean> => {
      const form = new FormData();
      form.append('metadata', JSON.stringify({ externalId: `batch-${n}`, channels: 2 }));
      form.append('transcript', `agent: what is the card number?\ncustomer: 4111 1111 1111 1111, it's call ${n}`);
      form.append('recording', new Blob([new Uint8Array(recording)]), 'call.wav');
      try {
        const res = await fetch(`${base}/api/v1/brands/${brand!.id}/calls`, { method: 'POST', headers: { authorization: `Bearer ${secret}`, 'idempotency-key': `batch-${n}` }, body: form });
        if (res.status === 202 || res.status === 200) acknowledged.add(((await res.json()) as { call: { id: string } }).call.id);
        return true;
      } catch {
        return false; // the server is gone: this call was never acknowledged
      }
    };
    let n = 0;
    const sender = async () => {
      while (n < 60) if (!(await send(n++))) return;
    };
    const batch = Promise.all([sender(), sender(), sender()]);
    while (acknowledged.size < 20) await new Promise((r) => setTimeout(r, 20));
    server.kill('SIGKILL');
    await batch;
    const ackedBeforeKill = [...acknowledged];
    expect(ackedBeforeKill.length).toBeGreaterThanOrEqual(20);

    server = await serve(env);
    const until = Date.now() + 90_000;
    let states: { id: string; status: string }[] = [];
    let unfinished: { status: string; n: number }[] = [];
    // A job the dead server held stays 'running' until its lease (5 s here) runs out and the new
    // server takes it over, even when the killed server had already stored the call as ready.
    while (Date.now() < until) {
      states = (await db.query<{ id: string; status: string }>('SELECT id::text, status FROM calls WHERE id = ANY($1::uuid[])', [ackedBeforeKill])).rows;
      unfinished = (await db.query<{ status: string; n: number }>("SELECT status, count(*)::int AS n FROM jobs WHERE type = 'call.redact' AND status <> 'succeeded' GROUP BY status")).rows;
      if (states.length === ackedBeforeKill.length && states.every((s) => s.status === 'ready') && unfinished.length === 0) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(states.length).toBe(ackedBeforeKill.length);
    expect(states.filter((s) => s.status !== 'ready')).toEqual([]);
    expect(unfinished).toEqual([]);
    // Retries of the same deliveries after the restart create no second copy of any call.
    for (let i = 0; i < 5; i++) await send(i);
    const dupes = await db.query("SELECT external_id FROM calls GROUP BY external_id HAVING count(*) > 1");
    expect(dupes.rows).toEqual([]);
  });
});
