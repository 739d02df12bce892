import { createDtmfDetector, type DtmfTone } from './dtmf.js';
import { AudioFormatError, frameBytes, type AudioFormat } from './format.js';
import { applyRegions, type Region } from './regions.js';
import { decodeSamples } from './samples.js';
import { wavHeader } from './wav-header.js';
import { openWav, type ByteSource } from './wav-reader.js';

export interface AudioSpan {
  channel: number;
  /** Seconds. */
  start: number;
  end: number;
}

export interface RedactOptions {
  /** Spans to replace; a function receives the file's format first (e.g. to fold channels of a mono file). */
  spans: readonly AudioSpan[] | ((format: AudioFormat) => readonly AudioSpan[]);
  mode: 'silence' | 'tone';
  maskDtmf: boolean;
  /** Widening of each span before and after (default 50 ms: word timings are approximate). */
  paddingMs?: number;
  /** Length of the fade in and out, inside the padded span (default 5 ms). */
  fadeMs?: number;
  toneHz?: number;
  toneDbfs?: number;
  /** Seconds a span may run past the end of the audio and be clamped rather than refused (default 0). */
  spanTolerance?: number;
  waveformBuckets?: number;
}

export interface RedactionReport {
  format: AudioFormat;
  durationSeconds: number;
  /** Spans as applied: padded and clamped to the audio. */
  spans: AudioSpan[];
  /** Keypad tones masked: channel and times only, never the digit. */
  dtmf: AudioSpan[];
  /** Peak level (0..1) per bucket and channel of the redacted audio. */
  waveform: { bucketSeconds: number; channels: number[][] };
}

/** Silence before a detected tone (the tone reaches the audio a little before it is detected) and after it. */
const DTMF_GUARD_BEFORE = 0.03;
const DTMF_GUARD_AFTER = 0.02;

/** Scans every channel for keypad tones (digits included: for the payment flow and `callvault dtmf --show-digits`). */
export async function scanDtmf(open: ByteSource): Promise<{ format: AudioFormat; frames: number; tones: DtmfTone[] }> {
  const { header, frames } = await openWav(open);
  const { format } = header;
  const detectors = Array.from({ length: format.channels }, (_, channel) => createDtmfDetector({ sampleRate: format.sampleRate, channel }));
  const tones: DtmfTone[] = [];
  const perChannel = Array.from({ length: format.channels }, () => new Int16Array(0));
  let count = 0;
  for await (const chunk of frames) {
    const decoded = decodeSamples(format, chunk);
    const n = decoded.length / format.channels;
    count += n;
    if (format.channels === 1) {
      tones.push(...detectors[0]!.push(decoded));
      continue;
    }
    for (let c = 0; c < format.channels; c++) {
      let mono = perChannel[c]!;
      if (mono.length !== n) mono = perChannel[c] = new Int16Array(n);
      for (let i = 0; i < n; i++) mono[i] = decoded[i * format.channels + c]!;
      tones.push(...detectors[c]!.push(mono));
    }
  }
  for (const d of detectors) tones.push(...d.flush());
  tones.sort((a, b) => a.start - b.start || a.channel - b.channel);
  return { format, frames: count, tones };
}

async function countFrames(open: ByteSource): Promise<number> {
  const { header, frames } = await openWav(open);
  let bytes = 0;
  for await (const chunk of frames) bytes += chunk.length;
  return bytes / frameBytes(header.format);
}

function checkedSpans(spans: readonly AudioSpan[], format: AudioFormat, duration: number, tolerance: number): void {
  for (const [i, s] of spans.entries()) {
    if (!Number.isFinite(s.start) || !Number.isFinite(s.end) || s.start < 0 || s.end < s.start) throw new AudioFormatError('bad_span', `span ${i} is not a time range (start ≥ 0, end ≥ start)`);
    if (!Number.isInteger(s.channel) || s.channel < 0 || s.channel >= format.channels) throw new AudioFormatError('bad_span', `span ${i} is on channel ${s.channel}; the recording has ${format.channels}`);
    if (s.end > duration + tolerance) throw new AudioFormatError('span_past_end', `span ${i} ends at ${s.end.toFixed(3)} s, past the end of the audio (${duration.toFixed(3)} s)`);
  }
}

/**
 * Redacts a WAV recording as a stream: speech spans replaced by silence or a tone (padded, faded),
 * keypad tones on any channel silenced on every channel (an echo on the other party's channel
 * would still carry the digit). Output keeps the input's coding, rate and channels, and every
 * sample outside a redacted span is byte-identical. `open` is called up to twice (a first pass
 * finds the tones and the length, the second writes), so memory stays flat for any length.
 */
export function redactRecording(open: ByteSource, opts: RedactOptions): { output: AsyncIterable<Uint8Array>; report: () => RedactionReport } {
  let report: RedactionReport | undefined;
  async function* output(): AsyncGenerator<Uint8Array> {
    const first = await openWav(open);
    const { format } = first.header;
    const frame = frameBytes(format);
    let tones: DtmfTone[] = [];
    let total: number;
    const extraPass = opts.maskDtmf || first.header.dataBytes === null;
    if (extraPass) await first.close();
    if (opts.maskDtmf) {
      const scan = await scanDtmf(open);
      tones = scan.tones;
      total = scan.frames;
    } else total = first.header.dataBytes !== null ? Math.floor(first.header.dataBytes / frame) : await countFrames(open);
    const duration = total / format.sampleRate;
    const spans = typeof opts.spans === 'function' ? opts.spans(format) : opts.spans;
    checkedSpans(spans, format, duration, opts.spanTolerance ?? 0);

    const rate = format.sampleRate;
    const pad = (opts.paddingMs ?? 50) / 1000;
    const toFrame = (t: number) => Math.max(0, Math.min(total, Math.round(t * rate)));
    const applied = spans.map((s) => ({ channel: s.channel, start: Math.max(0, s.start - pad), end: Math.min(duration, s.end + pad) }));
    const masked = tones.map((t) => ({ channel: t.channel, start: Math.max(0, t.start - DTMF_GUARD_BEFORE), end: Math.min(duration, t.end + DTMF_GUARD_AFTER) }));
    const regions: Region[] = [
      ...applied.map((s): Region => ({ channel: s.channel, from: toFrame(s.start), to: toFrame(s.end), fill: opts.mode })),
      ...masked.flatMap((t) => Array.from({ length: format.channels }, (_, channel): Region => ({ channel, from: toFrame(t.start), to: toFrame(t.end), fill: 'silence' }))),
    ].sort((a, b) => a.from - b.from);
    const fill = {
      fadeFrames: Math.round(((opts.fadeMs ?? 5) / 1000) * rate),
      toneHz: opts.toneHz ?? 1000,
      toneAmplitude: 32767 * 10 ** ((opts.toneDbfs ?? -20) / 20),
    };

    const buckets = Math.max(1, opts.waveformBuckets ?? 1000);
    const framesPerBucket = Math.max(1, Math.ceil(total / buckets));
    const peaks = Array.from({ length: format.channels }, () => new Array<number>(Math.ceil(total / framesPerBucket)).fill(0));

    const dataBytes = total * frame;
    yield wavHeader(format, dataBytes);
    let at = 0;
    const writer = extraPass ? await openWav(open) : first;
    for await (const chunk of writer.frames) {
      const bytes = new Uint8Array(chunk); // a copy: the source's buffers are not ours to change
      const decoded = decodeSamples(format, bytes);
      applyRegions(format, bytes, decoded, at, regions, fill);
      const n = decoded.length / format.channels;
      for (let i = 0; i < n; i++) {
        const bucket = Math.floor((at + i) / framesPerBucket);
        for (let c = 0; c < format.channels; c++) {
          const v = Math.abs(decoded[i * format.channels + c]!);
          if (v > peaks[c]![bucket]!) peaks[c]![bucket] = v;
        }
      }
      at += n;
      yield bytes;
    }
    if (at !== total) throw new AudioFormatError('truncated', 'the recording changed between passes');
    if (dataBytes & 1) yield new Uint8Array(1);
    report = {
      format,
      durationSeconds: Math.round(duration * 1000) / 1000,
      spans: applied,
      dtmf: masked,
      waveform: { bucketSeconds: framesPerBucket / rate, channels: peaks.map((p) => p.map((v) => Math.round((v / 32768) * 1000) / 1000)) },
    };
  }
  return {
    output: output(),
    report() {
      if (!report) throw new Error('the report is ready once the output has been read to the end');
      return report;
    },
  };
}
