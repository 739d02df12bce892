import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { migrate, openPglite, openPostgres, type Db } from '../db/index.js';
import { composeServices } from '../server/compose.js';
import { createPostgresDatabase, postgresAvailable } from '../testing/databases.js';
import { registerAuditCommands } from './audit.js';
import { registerJobsCommands } from './jobs.js';
import { registerKeysCommands } from './keys.js';

/** The operations commands run in-process against a real installation (data folder + database). */
describe('callvault keys / audit / jobs commands', () => {
  let dataDir: string;
  let drop: (() => Promise<void>) | undefined;
  let url: string | undefined;
  const saved = { ...process.env };
  const brand = randomUUID();

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'callvault-cli-'));
    process.env.CALLVAULT_DATA_DIR = dataDir;
    delete process.env.CALLVAULT_KEK;
    if (postgresAvailable()) {
      const created = await createPostgresDatabase();
      url = created.url;
      drop = created.drop;
      process.env.DATABASE_URL = url;
    } else delete process.env.DATABASE_URL;
  });
  afterAll(async () => {
    process.env = saved;
    process.exitCode = 0;
    await drop?.();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const io = { out: (t: string) => void (out += t), err: (t: string) => void (err += t) };
    const program = new Command('callvault').exitOverride();
    registerKeysCommands(program, io);
    registerAuditCommands(program, io);
    registerJobsCommands(program, io);
    process.exitCode = 0;
    await program.parseAsync(args, { from: 'user' });
    const code = Number(process.exitCode ?? 0);
    process.exitCode = 0;
    return { code, out, err };
  }
  async function database(): Promise<Db> {
    return url ? openPostgres(url, 1) : openPglite(join(dataDir, 'pglite'));
  }

  // First: the only job queued is this call's (a key rotation's re-encryption waits out a 30 s grace).
  it('jobs work --until-idle is a worker node: it redacts a queued call as the server would', async () => {
    const system = { actor: { kind: 'system', id: 'cli-test' }, isSecurityAdmin: false, roles: new Map() } as const;
    let db = await database();
    let callId: string;
    try {
      await migrate(db);
      const services = await composeServices(db, loadConfig());
      const b = await services.access.brands.create(system, { name: `Worker node ${randomUUID().slice(0, 6)}` });
      const transcript = 'agent: what is the card number?\ncustomer: 4111 1111 1111 1111';
      callId = (await services.calls.ingest.ingest(system, b.id, { metadata: { externalId: 'worker-node-1' }, transcript })).call.id;
      await services.payments.stop();
    } finally {
      await db.close();
    }
    const r = await run('jobs', 'work', '--until-idle');
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toMatch(/^[1-9]\d* job\(s\) run/);
    db = await database();
    try {
      const row = (await db.query<{ status: string; redaction_types: string[] }>('SELECT status, redaction_types FROM calls WHERE id = $1', [callId])).rows[0];
      expect(row).toMatchObject({ status: 'ready', redaction_types: ['CREDIT_CARD'] });
    } finally {
      await db.close();
    }
  });

  it('rotates a brand key, queues its re-encryption and shows both', async () => {
    const r = await run('keys', 'rotate', '--brand', brand);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toMatch(new RegExp(`brand:${brand}: now version 2; re-encryption job \\d+ queued`));
    expect((await stat(join(dataDir, 'keys', 'kek.key'))).mode & 0o777).toBe(0o600);
    expect((await run('jobs', 'list')).out).toMatch(/vault\.reencrypt\s+queued/);
    expect((await run('keys', 'status', '--brand', brand)).out).toMatch(/decrypt_only[\s\S]*active/);
  });

  it('audit verify passes on an untouched trail and exits 1 naming seq and kind after tampering', async () => {
    const ok = await run('audit', 'verify');
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/^OK: \d+ chain\(s\)/);
    const db = await database();
    try {
      await db.query(`UPDATE audit_events SET outcome = 'failure' WHERE chain_id = $1 AND seq = 1`, [brand]);
    } finally {
      await db.close();
    }
    const bad = await run('audit', 'verify', '--brand', brand);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('PROBLEMS FOUND');
    expect(bad.out).toContain(`chain ${brand} seq 1: edited`);
    const json = await run('audit', 'verify', '--brand', brand, '--json');
    expect(JSON.parse(json.out)).toMatchObject({ ok: false, problems: [{ seq: 1, kind: 'edited' }] });
  });

  it('exports CEF and JSON lines', async () => {
    const cef = await run('audit', 'export', '--brand', brand, '--format', 'cef');
    expect(cef.code).toBe(0);
    expect(cef.out.trim().split('\n').every((l) => l.startsWith('CEF:0|callvault|callvault|'))).toBe(true);
    const bad = await run('audit', 'export', '--format', 'xml');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--format must be one of');
  });

  it('refuses to destroy keys without the matching confirmation, then destroys them', async () => {
    const refused = await run('keys', 'destroy', '--brand', brand, '--confirm', randomUUID());
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('vault.confirmation_required');
    const done = await run('keys', 'destroy', '--brand', brand, '--confirm', brand);
    expect(done.code).toBe(0);
    expect(done.out).toContain('2 key version(s) destroyed');
  });
});
