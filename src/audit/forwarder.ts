import { createSocket } from 'node:dgram';
import { connect, type Socket } from 'node:net';
import { hostname } from 'node:os';
import type { Db } from '../db/types.js';
import * as chains from './chain-store.js';
import { formatCef, formatSyslog, toView, type AuditEventView } from './formats.js';

export interface SyslogTarget {
  transport: 'tcp' | 'udp';
  host: string;
  port: number;
  /** rfc5424: the event as syslog structured data; cef: a CEF line as the syslog MSG. */
  format: 'rfc5424' | 'cef';
}

export interface SyslogSender {
  send(events: readonly AuditEventView[]): Promise<void>;
  close(): Promise<void>;
}

/** Parses `tcp://host:port` / `udp://host:port`. */
export function parseSyslogUrl(url: string, format: SyslogTarget['format']): SyslogTarget {
  const u = new URL(url);
  const transport = u.protocol.replace(':', '');
  if ((transport !== 'tcp' && transport !== 'udp') || !u.hostname || !u.port) throw new TypeError('syslog target must be tcp://host:port or udp://host:port');
  return { transport, host: u.hostname.replace(/^\[|\]$/g, ''), port: Number(u.port), format };
}

function message(v: AuditEventView, format: SyslogTarget['format']): string {
  const opts = { hostname: hostname(), procId: String(process.pid) };
  if (format === 'rfc5424') return formatSyslog(v, opts);
  // CEF carried in syslog: the RFC 5424 header, no structured data, the CEF line as MSG.
  const full = formatSyslog(v, opts);
  return `${full.slice(0, full.indexOf(' [callvault@'))} - ${formatCef(v)}`;
}

/**
 * Sends events to a syslog collector: TCP with octet-counting framing (RFC 6587 §3.4.1,
 * "MSG-LEN SP SYSLOG-MSG", safe for any byte in the message) or one datagram each over UDP
 * (RFC 5426). TCP waits until the socket has flushed, so a resolved send means handed to the kernel.
 */
export async function openSyslogSender(target: SyslogTarget): Promise<SyslogSender> {
  if (target.transport === 'udp') {
    const sock = createSocket(target.host.includes(':') ? 'udp6' : 'udp4');
    return {
      async send(events) {
        for (const v of events) {
          const buf = Buffer.from(message(v, target.format), 'utf8');
          await new Promise<void>((resolve, reject) => sock.send(buf, target.port, target.host, (err) => (err ? reject(err) : resolve())));
        }
      },
      async close() {
        await new Promise<void>((resolve) => sock.close(() => resolve()));
      },
    };
  }
  const sock: Socket = await new Promise((resolve, reject) => {
    const s = connect({ host: target.host, port: target.port }, () => resolve(s));
    s.once('error', reject);
  });
  sock.on('error', () => undefined); // surfaced by the next write's callback
  return {
    async send(events) {
      const frames = events.map((v) => {
        const msg = Buffer.from(message(v, target.format), 'utf8');
        return Buffer.concat([Buffer.from(`${msg.length} `, 'ascii'), msg]);
      });
      await new Promise<void>((resolve, reject) => sock.write(Buffer.concat(frames), (err) => (err ? reject(err) : resolve())));
    },
    async close() {
      await new Promise<void>((resolve) => sock.end(() => resolve()));
    },
  };
}

/**
 * Forwards every event not yet sent by forwarder `name`, chain by chain, advancing a durable cursor
 * after each batch is sent (at-least-once: a crash between send and cursor resends one batch).
 */
export async function forwardPending(db: Db, name: string, sender: SyslogSender, batch = 500): Promise<number> {
  let sent = 0;
  for (const chainId of await chains.allChainIds(db)) {
    const { rows } = await db.query<{ seq: number }>(`SELECT seq FROM audit_forward_cursors WHERE forwarder = $1 AND chain_id = $2`, [name, chainId]);
    let after = Number(rows[0]?.seq ?? 0);
    for (;;) {
      const events = await chains.eventsAfter(db, chainId, after, batch);
      if (events.length === 0) break;
      await sender.send(events.map(toView));
      after = events[events.length - 1]?.seq ?? after;
      await db.query(
        `INSERT INTO audit_forward_cursors (forwarder, chain_id, seq) VALUES ($1, $2, $3)
         ON CONFLICT (forwarder, chain_id) DO UPDATE SET seq = EXCLUDED.seq, updated_at = now()`,
        [name, chainId, after],
      );
      sent += events.length;
    }
  }
  return sent;
}
