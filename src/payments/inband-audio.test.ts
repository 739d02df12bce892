import { describe, expect, it } from 'vitest';
import { encodeChannels } from '../audio/index.js';
import { addKey, addNoise, addVoice, silence, toInt16 } from '../audio/test-signals.js';
import { createInbandKeyDecoder, FrameError, type AudioEncoding } from './inband-audio.js';

/** A customer keying `keys` on the phone: 80 ms tones, 80 ms apart, a little line noise. */
function keyed(keys: string, rate: number, opts: { voice?: boolean } = {}): Int16Array {
  const x = silence(0.3 + keys.length * 0.16 + 0.3, rate);
  [...keys].forEach((key, i) => addKey(x, rate, { key, start: 0.3 + i * 0.16, duration: 0.08, levelDb: -14 }));
  if (opts.voice) addVoice(x, rate, 0, x.length / rate, 160, 3, -20);
  addNoise(x, -50, 7);
  return toInt16(x);
}

const FORMATS = { pcm16: 'pcm', mulaw: 'mulaw', alaw: 'alaw' } as const;

/** Encodes the samples as the telephony platform sends them and cuts 20 ms frames. */
function frames(samples: Int16Array, encoding: AudioEncoding, rate: number): Uint8Array[] {
  const bytes = encodeChannels({ codec: FORMATS[encoding], sampleRate: rate, channels: 1, bitsPerSample: encoding === 'pcm16' ? 16 : 8 }, [samples]);
  const size = (rate / 50) * (encoding === 'pcm16' ? 2 : 1);
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

function hear(encoding: AudioEncoding, rate: number, samples: Int16Array): string {
  const d = createInbandKeyDecoder({ encoding, sampleRate: rate });
  const keys: string[] = [];
  for (const f of frames(samples, encoding, rate)) keys.push(...d.push(f));
  keys.push(...d.end());
  return keys.join('');
}

describe('in-band keypad tones in streamed audio frames', () => {
  const card = '4242424242424242#1230#737#';
  for (const encoding of ['mulaw', 'alaw', 'pcm16'] as const) {
    for (const rate of [8000, 16000]) {
      it(`hears a whole card entry in 20 ms ${encoding} frames at ${rate} Hz, repeated digits included`, () => {
        expect(hear(encoding, rate, keyed(card, rate))).toBe(card);
      });
    }
  }

  it('hears keys over someone talking, and no keys in talk alone', () => {
    expect(hear('mulaw', 8000, keyed('5105105105105100', 8000, { voice: true }))).toBe('5105105105105100');
    const talk = silence(3, 8000);
    addVoice(talk, 8000, 0, 3, 140, 11, -12);
    expect(hear('mulaw', 8000, toInt16(talk))).toBe('');
  });

  it('ignores the A-D tones, which are no keys of a phone keypad', () => {
    expect(hear('pcm16', 8000, keyed('1A2D3', 8000))).toBe('123');
  });

  it('refuses a frame that is empty, cuts a sample in half or is not streaming (over 200 ms)', () => {
    const d = createInbandKeyDecoder({ encoding: 'pcm16', sampleRate: 8000 });
    const problem = (f: Uint8Array) => {
      try {
        d.push(f);
        return null;
      } catch (err) {
        return err instanceof FrameError ? err.problem : String(err);
      }
    };
    expect(problem(new Uint8Array(0))).toBe('empty_frame');
    expect(problem(new Uint8Array(321))).toBe('partial_sample');
    expect(problem(new Uint8Array(3202))).toBe('frame_too_long');
    expect(problem(new Uint8Array(3200))).toBeNull();
  });
});
