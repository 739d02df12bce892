import { describe, expect, it } from 'vitest';
import { createDtmfDetector } from './dtmf.js';
import { AudioFormatError, type AudioFormat } from './format.js';
import { redactRecording, scanDtmf, type RedactOptions } from './redact-recording.js';
import { addKey, addNoise, addVoice, DTMF_FREQUENCIES, powerAt, silence, toInt16 } from './test-signals.js';
import { wavHeader } from './wav-header.js';
import { readWav, writeWav } from './wav-file.js';

const source = (bytes: Uint8Array, chunk = 4093) =>
  async function* () {
    for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
  };

async function collect(out: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const p of out) parts.push(p);
  return new Uint8Array(Buffer.concat(parts));
}

async function redact(bytes: Uint8Array, opts: RedactOptions) {
  const run = redactRecording(source(bytes), opts);
  const out = await collect(run.output);
  return { out, report: run.report(), wav: await readWav(out) };
}

/** A stereo call: voices on both channels, card digits keyed on the customer's channel at 3 s. */
function call(format: AudioFormat, seconds = 6): { bytes: Uint8Array; channels: Int16Array[]; keyed: { start: number; end: number }[] } {
  const rate = format.sampleRate;
  const agent = silence(seconds, rate);
  const customer = silence(seconds, rate);
  addVoice(agent, rate, 0.2, 2.5, 180, 1);
  addVoice(customer, rate, 1, 1.8, 120, 2);
  const keyed = [...'4111'].map((key, i) => ({ key, start: 3 + i * 0.15, duration: 0.07 }));
  for (const k of keyed) addKey(customer, rate, { ...k, levelDb: -12 });
  addVoice(customer, rate, 4, 1.5, 125, 3);
  addNoise(agent, -55, 4);
  addNoise(customer, -55, 5);
  const channels = format.channels === 2 ? [toInt16(agent), toInt16(customer)] : [toInt16(customer)];
  return { bytes: writeWav(format, channels), channels, keyed: keyed.map((k) => ({ start: k.start, end: k.start + k.duration })) };
}

const STEREO_8K: AudioFormat = { codec: 'pcm', sampleRate: 8000, channels: 2, bitsPerSample: 16 };

describe('recording redaction', () => {
  it.each<AudioFormat>([
    STEREO_8K,
    { codec: 'mulaw', sampleRate: 8000, channels: 1, bitsPerSample: 8 },
    { codec: 'alaw', sampleRate: 8000, channels: 2, bitsPerSample: 8 },
    { codec: 'pcm', sampleRate: 16000, channels: 2, bitsPerSample: 16 },
    { codec: 'pcm', sampleRate: 11025, channels: 1, bitsPerSample: 8 },
    { codec: 'pcm', sampleRate: 48000, channels: 1, bitsPerSample: 16 },
  ])('%o: keeps the format; outside redacted spans the bytes are identical; keypad tones are down ≥ 40 dB', async (format) => {
    const { bytes, keyed } = call(format);
    const span = { channel: 0, start: 0.5, end: 1.2 };
    const { out, report, wav } = await redact(bytes, { spans: [span], mode: 'silence', maskDtmf: true });
    expect(report.format).toEqual(format);
    expect(wav.format).toEqual(format);
    expect(report.dtmf).toHaveLength(4);
    expect(JSON.stringify(report)).not.toMatch(/digit|4111/);
    const rate = format.sampleRate;
    const fb = format.channels * (format.bitsPerSample / 8);
    const header = wavHeader(format, 0).length;
    expect(out.length).toBe(bytes.length);
    // every byte outside the padded span and the masked tones is the input's byte
    const inside = (t: number, c: number) =>
      (c === span.channel && t >= span.start - 0.05 && t < span.end + 0.05) || report.dtmf.some((d) => t >= d.start && t < d.end);
    let differing = 0;
    for (let i = header; i < out.length; i++) {
      const frame = Math.floor((i - header) / fb);
      const channel = Math.floor(((i - header) % fb) / (format.bitsPerSample / 8));
      if (out[i] !== bytes[i] && !inside(frame / rate, channel)) differing++;
    }
    expect(differing).toBe(0);
    const customer = wav.channels[format.channels - 1]!;
    const original = (await readWav(bytes)).channels[format.channels - 1]!;
    for (const k of keyed) {
      const [lo, hi] = DTMF_FREQUENCIES['4']!;
      const from = Math.round(k.start * rate);
      const to = Math.round(k.end * rate);
      for (const f of [lo, hi]) expect(10 * Math.log10(powerAt(original, rate, f, from, to) / Math.max(1e-9, powerAt(customer, rate, f, from, to)))).toBeGreaterThanOrEqual(40);
    }
    // nothing keyed can be found in the output any more
    expect((await scanDtmf(source(out))).tones).toEqual([]);
  });

  it('tone mode: the span carries the 1 kHz tone; the other channel is untouched', async () => {
    const { bytes, channels } = call(STEREO_8K);
    const { wav } = await redact(bytes, { spans: [{ channel: 1, start: 1.2, end: 2.2 }], mode: 'tone', maskDtmf: false });
    expect(wav.channels[0]).toEqual(channels[0]);
    const from = 1.3 * 8000;
    const to = 2.1 * 8000;
    expect(powerAt(wav.channels[1]!, 8000, 1000, from, to)).toBeGreaterThan(100 * powerAt(channels[1]!, 8000, 1000, from, to));
    // the fade: no jump larger than the tone's own step at the span's edges
    const edge = Math.round((1.2 - 0.05) * 8000);
    for (let i = edge - 2; i < edge + 60; i++) expect(Math.abs(wav.channels[1]![i + 1]! - wav.channels[1]![i]!)).toBeLessThan(2500);
  });

  it('reports the waveform and the duration; digits never appear in the report', async () => {
    const { bytes } = call(STEREO_8K);
    const { report } = await redact(bytes, { spans: [], mode: 'silence', maskDtmf: true, waveformBuckets: 60 });
    expect(report.durationSeconds).toBe(6);
    expect(report.waveform.channels).toHaveLength(2);
    expect(report.waveform.channels[0]).toHaveLength(60);
    expect(Math.max(...report.waveform.channels[0]!)).toBeGreaterThan(0.05);
  });

  it('a span ending past the audio is refused, or clamped within the tolerance', async () => {
    const { bytes } = call(STEREO_8K);
    await expect(redact(bytes, { spans: [{ channel: 0, start: 5, end: 6.6 }], mode: 'silence', maskDtmf: false })).rejects.toMatchObject({ code: 'span_past_end' });
    const { report } = await redact(bytes, { spans: [{ channel: 0, start: 5, end: 6.6 }], mode: 'silence', maskDtmf: false, spanTolerance: 1 });
    expect(report.spans[0]!.end).toBe(6);
    await expect(redact(bytes, { spans: [{ channel: 2, start: 1, end: 2 }], mode: 'silence', maskDtmf: false })).rejects.toMatchObject({ code: 'bad_span' });
  });

  it('the live detector on 20 ms frames finds what the file scan finds', async () => {
    const { bytes, channels } = call(STEREO_8K);
    const d = createDtmfDetector({ sampleRate: 8000, channel: 1 });
    const live = [];
    for (let i = 0; i < channels[1]!.length; i += 160) live.push(...d.push(channels[1]!.subarray(i, i + 160)));
    live.push(...d.flush());
    expect(live).toEqual((await scanDtmf(source(bytes, 160))).tones);
  });
});

describe('bad recordings', () => {
  const good = call({ codec: 'mulaw', sampleRate: 8000, channels: 1, bitsPerSample: 8 }, 1).bytes;
  const run = (bytes: Uint8Array) => redact(bytes, { spans: [], mode: 'silence', maskDtmf: true });
  it.each<[string, () => Uint8Array, string]>([
    ['a truncated file', () => good.subarray(0, good.length - 1000), 'truncated'],
    ['a file cut inside its header', () => good.subarray(0, 30), 'truncated'],
    ['a text file', () => new TextEncoder().encode('this is not audio at all'), 'not_wav'],
    ['an empty file', () => new Uint8Array(0), 'not_wav'],
    ['an unsupported codec (MP3 in WAV)', () => { const b = good.slice(); b[20] = 0x55; return b; }, 'unsupported_codec'],
    ['a lying block align', () => { const b = good.slice(); b[32] = 3; return b; }, 'bad_header'],
  ])('%s → %s', async (_name, make, code) => {
    const err = await run(make()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AudioFormatError);
    expect(err).toMatchObject({ code });
  });
});
