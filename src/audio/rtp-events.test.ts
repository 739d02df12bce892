import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildRtpEvent, createRtpKeyTracker, parseRtpEvent, rtpKeyPackets, type RtpEventKey, type RtpEventPacket } from './rtp-events.js';

const PT = 101;
const keysOf = (packets: Uint8Array[], tracker = createRtpKeyTracker()): string => {
  let out = '';
  for (const raw of packets) {
    const p = parseRtpEvent(raw, PT);
    if (typeof p === 'string') continue;
    out += tracker.push(p) ?? '';
  }
  return out;
};
const dial = (ssrc: number, keys: string, start = 1000): Uint8Array[] => {
  const packets: Uint8Array[] = [];
  let seq = start;
  [...keys].forEach((key, i) => {
    const burst = rtpKeyPackets({ ssrc, payloadType: PT, key: key as RtpEventKey, timestamp: 160_000 + i * 1600, firstSequence: seq });
    seq += burst.length;
    packets.push(...burst);
  });
  return packets;
};

describe('RFC 4733 telephone-events', () => {
  it('parses the header and the event payload', () => {
    const raw = buildRtpEvent({ ssrc: 0xdeadbeef, payloadType: PT, sequence: 7, timestamp: 4000, marker: true, event: 11, end: true, volume: 10, duration: 960 });
    expect(parseRtpEvent(raw, PT)).toEqual<RtpEventPacket>({ ssrc: 0xdeadbeef, payloadType: PT, sequence: 7, timestamp: 4000, marker: true, event: 11, end: true, volume: 10, duration: 960 });
  });

  it('skips CSRCs and header extensions, and honours padding', () => {
    const base = buildRtpEvent({ ssrc: 1, payloadType: PT, sequence: 1, timestamp: 1, event: 5, end: true, volume: 0, duration: 800 });
    const withCsrc = new Uint8Array([...base.slice(0, 12), 0, 0, 0, 9, 0xbe, 0xde, 0, 1, 1, 2, 3, 4, ...base.slice(12), 0, 0, 3]);
    withCsrc[0] = 0x80 | 0x20 | 0x10 | 1;
    expect(parseRtpEvent(withCsrc, PT)).toMatchObject({ event: 5, end: true, duration: 800 });
  });

  it('reports each key once although its end packet comes three times', () => {
    expect(keysOf(dial(42, '4242424242424242#'))).toBe('4242424242424242#');
  });

  it('ignores retransmissions and reordering', () => {
    const packets = dial(42, '1234');
    const noisy = [...packets, ...packets.slice(0, 10)].reverse();
    expect([...keysOf(noisy)].sort().join('')).toBe('1234');
  });

  it('keeps sources apart: two calls keying at once', () => {
    const a = dial(1, '111');
    const b = dial(2, '222');
    const mixed = a.flatMap((p, i) => [p, b[i]!]);
    const tracker = createRtpKeyTracker();
    expect(keysOf(mixed, tracker)).toBe('121212');
    expect(tracker.sources).toBe(2);
  });

  it('refuses malformed packets without throwing, whatever the bytes', () => {
    expect(parseRtpEvent(new Uint8Array(3))).toBe('too_short');
    expect(parseRtpEvent(new Uint8Array(16))).toBe('bad_version');
    expect(parseRtpEvent(buildRtpEvent({ ssrc: 1, payloadType: 0, sequence: 1, timestamp: 1, event: 1, end: true, volume: 0, duration: 1 }), PT)).toBe('wrong_payload_type');
    const header = buildRtpEvent({ ssrc: 1, payloadType: PT, sequence: 1, timestamp: 1, event: 1, end: true, volume: 0, duration: 1 }).slice(0, 12);
    expect(parseRtpEvent(header, PT)).toBe('not_an_event');
    const badPad = buildRtpEvent({ ssrc: 1, payloadType: PT, sequence: 1, timestamp: 1, event: 1, end: true, volume: 0, duration: 0xff });
    badPad[0] = 0xa0;
    expect(parseRtpEvent(badPad, PT)).toBe('bad_padding');
    for (let i = 0; i < 20_000; i++) {
      const junk = randomBytes(1 + (i % 40));
      if (i % 2) junk[0] = 0x80 | (junk[0]! & 0x3f);
      expect(() => parseRtpEvent(junk)).not.toThrow();
    }
  });

  it('holds at most maxSources sources under a flood of made-up SSRCs', () => {
    const tracker = createRtpKeyTracker({ maxSources: 100 });
    for (let ssrc = 0; ssrc < 5000; ssrc++) tracker.push({ ssrc, payloadType: PT, sequence: 1, timestamp: 1, marker: false, event: 1, end: true, volume: 0, duration: 1 });
    expect(tracker.sources).toBe(100);
  });
});
