// Payment capture, the parts that exist so far: RFC 4733 telephone-event packets parsed and keyed
// per second (each key arrives as ~6 packets incl. the triple end packet), and keypad capture
// steps per second (a whole card, expiry and code keyed into a session).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const name = 'payments';
export const order = 60;
export const description = 'RFC 4733 packets parsed+keyed per second; keypad capture sessions per second (in process)';

export async function run(ctx) {
  const dist = (p) => pathToFileURL(join(ctx.root, 'dist', p)).href;
  const { createRtpKeyTracker, parseRtpEvent, rtpKeyPackets } = await import(dist('audio/index.js'));
  const { PaymentSession, fieldsFor } = await import(dist('payments/index.js'));
  const keys = '4242424242424242#1228123';
  const packets = [];
  for (let ssrc = 1; ssrc <= 200; ssrc++) {
    let seq = 0;
    [...keys].forEach((key, i) => {
      const burst = rtpKeyPackets({ ssrc, payloadType: 101, key, timestamp: 8000 + i * 1600, firstSequence: seq });
      seq += burst.length;
      packets.push(...burst);
    });
  }
  const rounds = ctx.quick ? 20 : 100;
  let keyed = 0;
  let t = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) {
    const tracker = createRtpKeyTracker();
    for (const raw of packets) {
      const p = parseRtpEvent(raw, 101);
      if (typeof p !== 'string' && tracker.push(p)) keyed++;
    }
  }
  let s = Number(process.hrtime.bigint() - t) / 1e9;
  console.log(`RTP telephone-event: ${Math.round((packets.length * rounds) / s).toLocaleString('en-US')} packets/s, ${Math.round(keyed / s).toLocaleString('en-US')} keys/s (${keyed / rounds} keys from ${packets.length} packets per round)`);
  const sessions = ctx.quick ? 2_000 : 20_000;
  const now = new Date();
  t = process.hrtime.bigint();
  for (let i = 0; i < sessions; i++) {
    const session = new PaymentSession({ reference: `b${i}`, amountMinor: 100, currency: 'USD', description: 'bench' }, { fields: fieldsFor(false), maxAttempts: 3 });
    for (const k of keys) session.press(k, now);
    if (session.state !== 'ready') throw new Error('capture did not complete');
  }
  s = Number(process.hrtime.bigint() - t) / 1e9;
  console.log(`keypad capture: ${Math.round(sessions / s).toLocaleString('en-US')} sessions/s, ${Math.round((sessions * keys.length) / s).toLocaleString('en-US')} keypresses/s`);
  console.log('(keypress-to-screen latency with 200 sessions on PostgreSQL waits for the session service: not built yet)');
}
