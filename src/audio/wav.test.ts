import { describe, expect, it } from 'vitest';
import { decodeAlaw, decodeMulaw, encodeAlaw, encodeMulaw } from './codecs.js';
import type { AudioFormat } from './format.js';
import { parseWavHeader } from './wav-header.js';
import { readWav, writeWav } from './wav-file.js';
import { openWav } from './wav-reader.js';

const ramp = (n: number, step: number) => Int16Array.from({ length: n }, (_, i) => ((i * step) % 60000) - 30000);

describe('WAV and G.711', () => {
  it('µ-law and A-law: every code decodes and encodes back to itself', () => {
    for (let b = 0; b < 256; b++) {
      expect(decodeMulaw(encodeMulaw(decodeMulaw(b)))).toBe(decodeMulaw(b));
      expect(encodeAlaw(decodeAlaw(b))).toBe(b);
    }
    expect(Math.abs(decodeMulaw(encodeMulaw(12345)) - 12345)).toBeLessThan(400);
    expect(Math.abs(decodeAlaw(encodeAlaw(-12345)) + 12345)).toBeLessThan(400);
  });

  it.each<AudioFormat>([
    { codec: 'pcm', sampleRate: 8000, channels: 1, bitsPerSample: 16 },
    { codec: 'pcm', sampleRate: 48000, channels: 2, bitsPerSample: 16 },
    { codec: 'pcm', sampleRate: 22050, channels: 1, bitsPerSample: 8 },
    { codec: 'mulaw', sampleRate: 8000, channels: 2, bitsPerSample: 8 },
    { codec: 'alaw', sampleRate: 16000, channels: 1, bitsPerSample: 8 },
  ])('%o round-trips', async (format) => {
    const channels = Array.from({ length: format.channels }, (_, c) => ramp(1001, 37 + c));
    const first = await readWav(writeWav(format, channels));
    expect(first.format).toEqual(format);
    const again = await readWav(writeWav(format, first.channels));
    expect(again.channels).toEqual(first.channels);
    if (format.codec === 'pcm' && format.bitsPerSample === 16) expect(first.channels).toEqual(channels);
  });

  it('reads LIST and fact chunks, odd chunk padding, WAVE_FORMAT_EXTENSIBLE and an open-ended data size', async () => {
    const fmt = new Uint8Array(40);
    const v = new DataView(fmt.buffer);
    v.setUint16(0, 0xfffe, true);
    v.setUint16(2, 1, true);
    v.setUint32(4, 8000, true);
    v.setUint32(8, 16000, true);
    v.setUint16(12, 2, true);
    v.setUint16(14, 16, true);
    v.setUint16(16, 22, true);
    v.setUint16(24, 1, true); // sub-format PCM
    const chunk = (id: string, body: Uint8Array) => {
      const h = new Uint8Array(8 + body.length + (body.length & 1));
      h.set(new TextEncoder().encode(id), 0);
      new DataView(h.buffer).setUint32(4, body.length, true);
      h.set(body, 8);
      return h;
    };
    const samples = new Uint8Array(new Int16Array([1, -2, 3, -4]).buffer);
    const data = chunk('data', samples);
    new DataView(data.buffer).setUint32(4, 0xffffffff, true); // a streaming recorder never came back to fill it in
    const body = Buffer.concat([new TextEncoder().encode('WAVE'), chunk('LIST', new TextEncoder().encode('INFOabc')), chunk('fmt ', fmt), data]);
    const file = Buffer.concat([new TextEncoder().encode('RIFF'), new Uint8Array(4), body]);
    expect(parseWavHeader(file)).toMatchObject({ format: { codec: 'pcm', channels: 1, sampleRate: 8000 }, dataBytes: null });
    expect((await readWav(file)).channels[0]).toEqual(new Int16Array([1, -2, 3, -4]));
  });

  it('streams: frames come in whole frames whatever the chunking', async () => {
    const format: AudioFormat = { codec: 'pcm', sampleRate: 8000, channels: 2, bitsPerSample: 16 };
    const bytes = writeWav(format, [ramp(999, 11), ramp(999, 13)]);
    const { frames } = await openWav(async function* () {
      for (let i = 0; i < bytes.length; i += 7) yield bytes.subarray(i, i + 7);
    });
    let total = 0;
    for await (const f of frames) {
      expect(f.length % 4).toBe(0);
      total += f.length;
    }
    expect(total).toBe(999 * 4);
  });
});
