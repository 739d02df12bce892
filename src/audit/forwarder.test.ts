import { createSocket } from 'node:dgram';
import { createServer, type AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDatabase } from '../testing/databases.js';
import { makeStack, sampleEvent } from './audit.test-helpers.js';
import { formatCef, formatSyslog, type AuditEventView } from './formats.js';
import { forwardPending, openSyslogSender, parseSyslogUrl } from './forwarder.js';
import type { ChainedAuditLog } from './log.js';

// RFC 5424 §6: <PRI>1 SP TIMESTAMP SP HOSTNAME SP APP-NAME SP PROCID SP MSGID SP STRUCTURED-DATA [SP MSG]
const RFC5424 = /^<(\d{1,3})>1 (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z) (\S+) (\S+) (\S+) (\S+) (-|\[.*\])(?: (.*))?$/s;

/** A TCP syslog collector reading RFC 6587 octet-counted frames. */
async function tcpCollector(): Promise<{ port: number; messages: string[]; close: () => Promise<void> }> {
  const messages: string[] = [];
  const server = createServer((sock) => {
    let buf = Buffer.alloc(0);
    sock.on('data', (chunk) => {
      buf = Buffer.concat([buf, chunk]);
      for (;;) {
        const sp = buf.indexOf(0x20);
        if (sp < 0) return;
        const len = Number(buf.subarray(0, sp).toString('ascii'));
        if (!Number.isInteger(len) || buf.length < sp + 1 + len) return;
        messages.push(buf.subarray(sp + 1, sp + 1 + len).toString('utf8'));
        buf = buf.subarray(sp + 1 + len);
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { port: (server.address() as AddressInfo).port, messages, close: () => new Promise((r) => server.close(() => r())) };
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
}

forEachDatabase('SIEM forwarding', (getDb) => {
  let audit: ChainedAuditLog;
  beforeAll(async () => {
    audit = (await makeStack()).audit;
  });

  it('sends RFC 5424 over TCP with octet counting, resuming from its cursor', async () => {
    const db = getDb();
    const brand = randomUUID();
    await db.transaction((tx) => audit.appendMany(tx, Array.from({ length: 7 }, (_, i) => sampleEvent(brand, i))));
    const collector = await tcpCollector();
    const name = `fw-${randomUUID()}`;
    try {
      const sender = await openSyslogSender(parseSyslogUrl(`tcp://127.0.0.1:${collector.port}`, 'rfc5424'));
      const first = await forwardPending(db, name, sender);
      expect(first).toBeGreaterThanOrEqual(7);
      await db.transaction((tx) => audit.append(tx, { ...sampleEvent(brand, 99), userAgent: 'line\nbreak "quoted" ]' }));
      expect(await forwardPending(db, name, sender)).toBe(1); // only the new one
      await sender.close();
      await until(() => collector.messages.length >= first + 1);
      const mine = collector.messages.filter((m) => m.includes(`chain="${brand}"`));
      expect(mine).toHaveLength(8);
      for (const m of mine) {
        const parsed = RFC5424.exec(m);
        expect(parsed, m).not.toBeNull();
        expect(Number(parsed?.[1])).toBeGreaterThanOrEqual(13 * 8); // facility 13, log audit
      }
      expect(mine.map((m) => /seq="(\d+)"/.exec(m)?.[1])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    } finally {
      await collector.close();
    }
  });

  it('sends CEF over UDP, one datagram per event', async () => {
    const db = getDb();
    const brand = randomUUID();
    await db.transaction((tx) => audit.appendMany(tx, Array.from({ length: 3 }, (_, i) => sampleEvent(brand, i))));
    const sock = createSocket('udp4');
    const messages: string[] = [];
    sock.on('message', (m) => messages.push(m.toString('utf8')));
    await new Promise<void>((r) => sock.bind(0, '127.0.0.1', r));
    try {
      const sender = await openSyslogSender(parseSyslogUrl(`udp://127.0.0.1:${sock.address().port}`, 'cef'));
      await forwardPending(db, `fw-${randomUUID()}`, sender);
      await sender.close();
      await until(() => messages.filter((m) => m.includes(brand)).length >= 3);
      const mine = messages.filter((m) => m.includes(`cs1=${brand}`));
      expect(mine).toHaveLength(3);
      for (const m of mine) expect(m).toMatch(/^<\d+>1 \S+ \S+ callvault \S+ \S+ - CEF:0\|callvault\|callvault\|[^|]+\|[a-z.]+\|[^|]+\|\d+\|/);
    } finally {
      sock.close();
    }
  });
});

describe('SIEM formats', () => {
  const view: AuditEventView = {
    chainId: 'c',
    seq: 3,
    brandId: 'b',
    at: '2026-01-02T03:04:05.678Z',
    actor: { kind: 'user', id: 'u"1]' },
    action: 'user.update',
    target: { type: 'user', id: 'x|y=z' },
    outcome: 'denied',
    ip: '203.0.113.9',
    userAgent: 'a\\b\nc',
    requestId: null,
    details: {},
    hash: 'ab',
  };

  it('escapes RFC 5424 structured-data values', () => {
    const line = formatSyslog(view, { hostname: 'host one', procId: '42' });
    expect(line.startsWith('<108>1 2026-01-02T03:04:05.678Z host_one callvault 42 user.update [callvault@32473 ')).toBe(true);
    expect(line).toContain('actorId="u\\"1\\]"');
    expect(line).not.toContain('requestId=');
  });

  it('escapes CEF header and extension values', () => {
    const line = formatCef(view);
    expect(line.startsWith('CEF:0|callvault|callvault|0.1.0|user.update|user.update denied|7|')).toBe(true);
    expect(line).toContain('cs2=user:x|y\\=z');
    expect(line).toContain('requestClientApplication=a\\\\b\\nc');
    expect(line).not.toContain('\n');
    expect(line).toContain('rt=1767323045678');
    expect(line).not.toContain('cs3Label'); // no request id: no label either
  });

  it('rejects a target that is not tcp:// or udp://', () => {
    expect(() => parseSyslogUrl('http://127.0.0.1:514', 'rfc5424')).toThrow(TypeError);
  });
});
