import { createSocket, type Socket } from 'node:dgram';
import { createRtpKeyTracker, parseRtpEvent } from '../audio/index.js';
import type { Db } from '../db/types.js';
import type { Key } from './capture.js';
import { rtpBindingOf, type RtpBinding } from './payments-data.js';

/**
 * The RFC 4733 adapter: a UDP socket receiving the telephone-event packets the telephony platform
 * forks to callvault. Each SSRC is mapped to a call by a binding the platform declared through the
 * API; a packet from an unbound SSRC, another address than the bound one, or that does not parse
 * is counted and dropped — never thrown, so a flood or garbage cannot stop the listener. The
 * tracker reports each key once (the three end packets and retransmissions, §2.5.1.4).
 */
export interface RtpListenerStats {
  packets: number;
  keys: number;
  malformed: number;
  unbound: number;
  wrongSource: number;
  /** Dropped because too many lookups were under way (a flood of unknown sources). */
  shed: number;
  /** Packets being looked up or keyed right now. */
  pending: number;
}

export interface RtpListener {
  readonly port: number;
  readonly stats: RtpListenerStats;
  close(): Promise<void>;
}

interface CachedBinding {
  binding: RtpBinding | null;
  until: number;
}

const BINDING_CACHE_MS = 2_000;
const MAX_CACHED = 10_000;
/** Packets waiting for a lookup or a keypress at once; beyond it new ones are shed (counted). */
const MAX_PENDING = 256;

export async function startRtpListener(opts: {
  db: Db;
  port: number;
  host?: string;
  press: (brandId: string, callRef: string, key: Key) => Promise<unknown>;
}): Promise<RtpListener> {
  const stats: RtpListenerStats = { packets: 0, keys: 0, malformed: 0, unbound: 0, wrongSource: 0, shed: 0, pending: 0 };
  const tracker = createRtpKeyTracker();
  const cache = new Map<number, CachedBinding>();
  const socket: Socket = createSocket({ type: opts.host?.includes(':') ? 'udp6' : 'udp4' });

  async function lookup(ssrc: number): Promise<RtpBinding | null> {
    const hit = cache.get(ssrc);
    if (hit && hit.until > Date.now()) return hit.binding;
    const binding = await rtpBindingOf(opts.db, ssrc).catch(() => null);
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
    cache.set(ssrc, { binding, until: Date.now() + BINDING_CACHE_MS });
    return binding;
  }

  // Keys of one source are pressed in arrival order: a chain per SSRC.
  const chains = new Map<number, Promise<void>>();

  socket.on('message', (msg, rinfo) => {
    stats.packets++;
    const packet = parseRtpEvent(msg);
    if (typeof packet === 'string') {
      stats.malformed++;
      return;
    }
    if (stats.pending >= MAX_PENDING) {
      stats.shed++;
      return;
    }
    stats.pending++;
    const run = async () => {
      const binding = await lookup(packet.ssrc);
      if (!binding) return void stats.unbound++;
      if (binding.sourceIp && binding.sourceIp !== rinfo.address) return void stats.wrongSource++;
      if (packet.payloadType !== binding.payloadType) return void stats.malformed++;
      const key = tracker.push(packet);
      if (!key || key === 'A' || key === 'B' || key === 'C' || key === 'D') return;
      stats.keys++;
      await opts.press(binding.brandId, binding.callRef, key).catch(() => undefined);
    };
    const next = (chains.get(packet.ssrc) ?? Promise.resolve()).then(run, run).finally(() => void stats.pending--);
    chains.set(packet.ssrc, next);
    void next.then(() => {
      if (chains.get(packet.ssrc) === next) chains.delete(packet.ssrc);
    });
  });
  socket.on('error', () => undefined); // a bad datagram is the sender's problem, never ours to crash on

  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(opts.port, opts.host ?? '0.0.0.0', () => {
      socket.off('error', reject);
      resolve();
    });
  });
  return {
    port: socket.address().port,
    stats,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}
