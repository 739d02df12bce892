import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../access/index.js';
import { migrate, openPglite, openPostgres, type Db } from '../db/index.js';
import { operator, startTestServer, type TestServer } from '../http/http.test-helpers.js';
import { createPostgresDatabase, postgresAvailable } from '../testing/databases.js';
import type { ProgressMessage } from './bus.js';
import { luhnValid } from '../redaction/validators/luhn.js';
import { cardBrandOf } from './card.js';
import { signBody } from './signing.js';

/**
 * The cards and codes keyed in this test; none may be found anywhere afterwards. The codes start
 * with 9 so that no sequence number or amount of this test can look like one by chance.
 */
const RUNS = [
  { card: '4242424242424242', code: '9731', outcome: 'succeeded' },
  { card: '378282246310005', code: '9864', outcome: 'succeeded' },
  { card: '5555555555554444', code: '9615', outcome: 'succeeded' },
  { card: '4000000000000002', code: '9592', outcome: 'declined' },
  { card: '4000000000009995', code: '9381', outcome: 'declined' },
  { card: '4242424242424242', code: '9947', outcome: 'cancelled' },
  { card: '5555555555554444', code: '9268', outcome: 'expired' },
] as const;
const ROUNDS = 4; // 28 sessions

/**
 * Every digit run of 13-19 that is Luhn-valid and starts like a card of a known network, except
 * the fraction digits of a decimal number (a log's response time: `4.1234567890123`).
 */
function cardLikeRuns(text: string, boundary: 'digit' | 'hex' = 'digit'): string[] {
  // In text, a run inside a hex word (an id, a processor reference) is not a number.
  const runs = boundary === 'hex' ? /(?<![\da-fA-F])(?<!\d\.)\d{13,19}(?![\da-fA-F])/g : /(?<!\d)(?<!\d\.)\d{13,19}(?!\d)/g;
  return [...text.matchAll(runs)].map((m) => m[0]).filter((run) => luhnValid(run) && cardBrandOf(run) !== 'unknown');
}

/**
 * Text outputs minus what is made of hex (ids, hashes, ciphertext as bytea hex), where short digit
 * runs occur by chance; what is left is where a security code would show if it were written.
 */
function codeRuns(text: string, codes: readonly string[]): string[] {
  const stripped = text.replace(/\\x[0-9a-f]+/gi, ' ').replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, ' ').replace(/[0-9A-Za-z+/_=-]{20,}/g, ' ');
  return [...stripped.matchAll(/(?<![\d.])\d{3,4}(?![\d.])/g)].map((m) => m[0]).filter((run) => codes.includes(run));
}

function findCards(where: string, text: string, found: string[], boundary: 'digit' | 'hex' = 'hex'): void {
  for (const run of cardLikeRuns(text, boundary)) found.push(`${where}: card-like run ending ${run.slice(-4)} in ${JSON.stringify(text.slice(Math.max(0, text.indexOf(run) - 60), text.indexOf(run) + 30).replace(run, '<RUN>'))}`);
  for (const r of RUNS) if (text.includes(r.card)) found.push(`${where}: a card used in the test`);
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(entry.parentPath ?? dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else out.push(path);
  }
  return out;
}

/**
 * After many complete, declined, cancelled and expired sessions keyed through the real HTTP API:
 * the database files (PGlite's folder, a pg_dump of PostgreSQL), the logs, the audit events and
 * the agents' streams hold no card number (no Luhn-valid 13-19 digit run of a known network) and
 * no security code that was keyed.
 */
async function scenario(db: Db): Promise<{ t: TestServer; logs: string[]; streams: ProgressMessage[] }> {
  const logs: string[] = [];
  const t = await startTestServer(db, { env: { LOG_LEVEL: 'debug' }, logStream: { write: (line) => void logs.push(line) } });
  const { access, payments } = t.services;
  const stamp = Date.now().toString(36);
  const brand = await access.brands.create(operator, { name: `Security payments ${stamp}` });
  const { user } = await access.users.create(operator, { email: `sec-agent-${stamp}@example.test`, displayName: 'Agent', assignments: [{ brandId: brand.id, role: 'agent' }] });
  const agent: Principal = { actor: { kind: 'user', id: user.id }, isSecurityAdmin: false, roles: new Map([[brand.id, 'agent']]) };
  const apiKey = (await access.apiKeys.create(operator, brand.id, { name: 'telephony', scopes: ['payment.capture'], expiresInDays: 30 })).secret;
  const { secret } = await payments.rotateSigningSecret(operator, brand.id);
  const streams: ProgressMessage[] = [];
  let seq = 0;
  const press = async (callRef: string, keys: string) => {
    for (const key of keys) {
      const payload = JSON.stringify({ callRef, eventId: `sec-${++seq}`, key });
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/payments/keypresses', headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', ...signBody(secret, payload, t.clock.now) }, payload });
      if (res.statusCode !== 202) throw new Error(`keypress ${res.statusCode}`);
    }
  };
  const settle = async (id: string, state: string) => {
    for (let i = 0; i < 200; i++) {
      if ((await payments.get(agent, id)).state === state) return;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`session did not reach ${state}`);
  };

  const expiring: string[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, r] of RUNS.entries()) {
      const callRef = `sec-${round}-${i}`;
      const s = await payments.create(agent, { brandId: brand.id, callRef, amountMinor: 1000 + i, currency: 'USD', description: 'Plan renewal' });
      const stop = await payments.watch(agent, s.id, (m) => void streams.push(m));
      const digits = r.card.length === 16 || r.card.length === 15 ? r.card : `${r.card}#`;
      const code = cardBrandOf(r.card) === 'amex' ? r.code : r.code.slice(0, 3);
      if (r.outcome === 'cancelled') {
        await press(callRef, `${digits}12`);
        await payments.cancel(agent, s.id);
      } else if (r.outcome === 'expired') {
        await press(callRef, `${digits}1230${code.slice(0, 2)}`);
        expiring.push(s.id);
      } else {
        await press(callRef, `${digits}${r.card.startsWith('4') ? '#' : ''}1230${code}`);
        await settle(s.id, 'ready');
        await payments.charge(agent, s.id);
        await settle(s.id, r.outcome);
      }
      stop();
    }
  }
  t.clock.advance(400); // past every session's 300 s
  await payments.sweep();
  for (const id of expiring) expect((await payments.get(agent, id)).state).toBe('expired');
  return { t, logs, streams };
}

const CODES = RUNS.flatMap((r) => [r.code, r.code.slice(0, 3)]);

async function scanTextOutputs(db: Db, logs: string[], streams: ProgressMessage[], found: string[]): Promise<void> {
  const audit = JSON.stringify((await db.query('SELECT * FROM audit_events')).rows);
  expect(audit).toContain('payment.succeeded');
  for (const [where, text] of [
    ['logs', logs.join('\n')],
    ['audit events', audit],
    ['agent streams', JSON.stringify(streams)],
  ] as const) {
    findCards(where, text, found);
    for (const c of codeRuns(text, CODES)) found.push(`${where}: a security code used (${c.length} digits)`);
  }
}

describe('the scanner', () => {
  it('finds a card and a code where they would be written, and not in decimals, ids or hashes', () => {
    expect(cardLikeRuns('{"pan":"4242424242424242"} 378282246310005\n')).toEqual(['4242424242424242', '378282246310005']);
    expect(cardLikeRuns('"responseTime":4.4242424242424242 4242424242424241 1764979200000')).toEqual([]);
    expect(cardLikeRuns('"processorReference":"sbx_c26302c634242424242424242"', 'hex')).toEqual([]);
    expect(codeRuns('{"securityCode":"9731"} cvv 986', CODES)).toEqual(['9731', '986']);
    expect(codeRuns('at 12:09:31.9731 id 0b9731aa-1111-4111-8111-111111119731', CODES)).toEqual([]);
  });
});

describe('payment data at rest and in logs [pglite]', () => {
  it('no card number or security code in the PGlite folder, logs, audit events or streams', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cv-paysec-'));
    const db = await openPglite(join(dir, 'db'));
    await migrate(db);
    const { t, logs, streams } = await scenario(db);
    const found: string[] = [];
    await scanTextOutputs(db, logs, streams, found);
    expect(logs.length).toBeGreaterThan(100); // the logs were really captured
    expect(streams.length).toBeGreaterThan(500);
    await t.close();
    await db.close();
    let bytes = 0;
    for (const file of await filesUnder(join(dir, 'db'))) {
      if ((await stat(file)).size === 0) continue;
      const content = await readFile(file);
      bytes += content.length;
      findCards(`data file ${file.slice(dir.length)}`, content.toString('latin1'), found, 'digit');
    }
    expect(bytes).toBeGreaterThan(1_000_000);
    expect(found).toEqual([]);
    await rm(dir, { recursive: true, force: true });
  }, 180_000);
});

describe.skipIf(!postgresAvailable())('payment data at rest and in logs [postgres]', () => {
  it('no card number or security code in a pg_dump, logs, audit events or streams', async () => {
    const created = await createPostgresDatabase();
    const db = openPostgres(created.url);
    await migrate(db);
    const { t, logs, streams } = await scenario(db);
    const found: string[] = [];
    await scanTextOutputs(db, logs, streams, found);
    await t.close();
    await db.close();
    const dump = execFileSync('pg_dump', ['--no-owner', created.url], { maxBuffer: 512 * 1024 * 1024 }).toString('utf8');
    expect(dump).toContain('payment_sessions');
    // bytea columns are dumped as hex: decode them so a card stored in clear there shows too; runs
    // inside the hex text of hashes and ids are not numbers.
    const decoded = dump.replace(/\\\\x([0-9a-f]+)/g, (_m, hex: string) => ` ${Buffer.from(hex, 'hex').toString('latin1')} `).replace(/[0-9a-f]*[a-f][0-9a-f]*/g, (h) => (h.length >= 16 ? ' ' : h));
    findCards('pg_dump', decoded, found);
    for (const c of codeRuns(dump, CODES)) found.push(`pg_dump: a security code used (${c.length} digits)`);
    expect(found).toEqual([]);
    await created.drop();
  }, 180_000);
});
