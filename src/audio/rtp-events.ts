/**
 * RFC 4733 telephone-events carried in RTP (RFC 3550): parse a UDP payload, and turn the packet
 * stream of each source (SSRC) into keypresses, once each.
 *
 * A key is sent as several packets sharing one RTP timestamp (the event's start), their duration
 * growing, and ends with the end bit set, that last packet sent three times (§2.5.1.4); any packet
 * may also be retransmitted or arrive out of order. So a key is reported once, when the first
 * packet with the end bit arrives, and an event timestamp already reported is never reported again.
 * Parsing never throws: a malformed packet is counted and dropped.
 */
export type RtpEventKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '*' | '#' | 'A' | 'B' | 'C' | 'D';
const EVENT_KEYS: readonly RtpEventKey[] = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '#', 'A', 'B', 'C', 'D'];

export interface RtpEventPacket {
  ssrc: number;
  payloadType: number;
  sequence: number;
  timestamp: number;
  marker: boolean;
  /** RFC 4733 event code (0-15 are the DTMF keys). */
  event: number;
  end: boolean;
  /** Power level in -dBm0 (0-63). */
  volume: number;
  /** In RTP timestamp units. */
  duration: number;
}

export type RtpParseError = 'too_short' | 'bad_version' | 'bad_padding' | 'bad_extension' | 'wrong_payload_type' | 'not_an_event';

/** Parses one RTP packet carrying a telephone-event; `payloadType` is the dynamic type negotiated in SDP (often 101). */
export function parseRtpEvent(packet: Uint8Array, payloadType?: number): RtpEventPacket | RtpParseError {
  if (packet.length < 12) return 'too_short';
  const view = new DataView(packet.buffer, packet.byteOffset, packet.byteLength);
  const b0 = packet[0]!;
  if (b0 >> 6 !== 2) return 'bad_version';
  const padding = (b0 & 0x20) !== 0;
  const extension = (b0 & 0x10) !== 0;
  const csrcCount = b0 & 0x0f;
  const b1 = packet[1]!;
  const pt = b1 & 0x7f;
  if (payloadType !== undefined && pt !== payloadType) return 'wrong_payload_type';
  let offset = 12 + 4 * csrcCount;
  if (extension) {
    if (packet.length < offset + 4) return 'bad_extension';
    offset += 4 + 4 * view.getUint16(offset + 2);
  }
  let end = packet.length;
  if (padding) {
    const pad = packet[packet.length - 1]!;
    if (pad === 0 || pad > end - offset) return 'bad_padding';
    end -= pad;
  }
  // One event per payload (4 bytes); redundant events (RFC 2198) are not used for DTMF here.
  if (end - offset < 4) return offset > packet.length ? 'bad_extension' : 'not_an_event';
  const flags = packet[offset + 1]!;
  return {
    ssrc: view.getUint32(8),
    payloadType: pt,
    sequence: view.getUint16(2),
    timestamp: view.getUint32(4),
    marker: (b1 & 0x80) !== 0,
    event: packet[offset]!,
    end: (flags & 0x80) !== 0,
    volume: flags & 0x3f,
    duration: view.getUint16(offset + 2),
  };
}

/** Builds a telephone-event packet (tests, benchmarks, a softphone simulator). */
export function buildRtpEvent(p: Omit<RtpEventPacket, 'marker'> & { marker?: boolean }): Uint8Array {
  const out = new Uint8Array(16);
  const view = new DataView(out.buffer);
  out[0] = 0x80;
  out[1] = (p.marker ? 0x80 : 0) | (p.payloadType & 0x7f);
  view.setUint16(2, p.sequence & 0xffff);
  view.setUint32(4, p.timestamp >>> 0);
  view.setUint32(8, p.ssrc >>> 0);
  out[12] = p.event & 0xff;
  out[13] = (p.end ? 0x80 : 0) | (p.volume & 0x3f);
  view.setUint16(14, p.duration & 0xffff);
  return out;
}

/** The packets a sender emits for one key: start (marker), updates every 50 ms, three end packets. */
export function rtpKeyPackets(opts: { ssrc: number; payloadType: number; key: RtpEventKey; timestamp: number; firstSequence: number; durationMs?: number }): Uint8Array[] {
  const event = EVENT_KEYS.indexOf(opts.key);
  const total = Math.round(((opts.durationMs ?? 120) * 8000) / 1000);
  const packets: Uint8Array[] = [];
  let seq = opts.firstSequence;
  for (let d = 400; d < total; d += 400) {
    packets.push(buildRtpEvent({ ssrc: opts.ssrc, payloadType: opts.payloadType, sequence: seq++, timestamp: opts.timestamp, marker: d === 400, event, end: false, volume: 10, duration: d }));
  }
  for (let i = 0; i < 3; i++) packets.push(buildRtpEvent({ ssrc: opts.ssrc, payloadType: opts.payloadType, sequence: seq++, timestamp: opts.timestamp, event, end: true, volume: 10, duration: total }));
  return packets;
}

export interface RtpKeyTracker {
  /** Feeds one parsed packet; returns the key it completes, or null (update, duplicate, unknown event). */
  push(packet: RtpEventPacket): RtpEventKey | null;
  /** Forgets a source (its call ended). */
  forget(ssrc: number): void;
  readonly sources: number;
}

/**
 * Keys once per event per source. Remembers the last few event timestamps of each source (a
 * retransmission comes soon after the original) and at most `maxSources` sources, the oldest
 * dropped first, so a flood of made-up SSRCs cannot exhaust memory.
 */
export function createRtpKeyTracker(opts: { maxSources?: number; rememberEvents?: number } = {}): RtpKeyTracker {
  const maxSources = opts.maxSources ?? 10_000;
  const remember = opts.rememberEvents ?? 16;
  const seen = new Map<number, number[]>();
  return {
    push(p) {
      if (!p.end || p.event > 15) return null;
      let done = seen.get(p.ssrc);
      if (done?.includes(p.timestamp)) return null;
      if (!done) {
        if (seen.size >= maxSources) seen.delete(seen.keys().next().value!);
        done = [];
      } else seen.delete(p.ssrc); // re-inserted below: the map's order is least recently used first
      done.push(p.timestamp);
      if (done.length > remember) done.shift();
      seen.set(p.ssrc, done);
      return EVENT_KEYS[p.event]!;
    },
    forget(ssrc) {
      seen.delete(ssrc);
    },
    get sources() {
      return seen.size;
    },
  };
}
