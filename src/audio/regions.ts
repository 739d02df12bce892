import type { AudioFormat } from './format.js';
import { encodeSampleAt } from './samples.js';

/** A stretch of one channel to replace, in frames, with a fade of `fade` frames at each end inside it. */
export interface Region {
  channel: number;
  from: number;
  to: number;
  fill: 'silence' | 'tone';
}

export interface FillSettings {
  fadeFrames: number;
  toneHz: number;
  toneAmplitude: number;
}

/**
 * Replaces the samples of `regions` inside a chunk of frames [first, first + frames) in place:
 * `decoded` holds the chunk's linear samples (interleaved), `bytes` its coded bytes. Only samples
 * inside a region are re-encoded; every other byte is left exactly as it came. Weight w rises from
 * 0 to 1 over the fade (no click) and the result is original·(1 − w) + fill·w; regions applied one
 * after another compose (a keypad tone silenced inside a toned span stays silent).
 */
export function applyRegions(format: AudioFormat, bytes: Uint8Array, decoded: Int16Array, first: number, regions: readonly Region[], s: FillSettings): void {
  const frames = decoded.length / format.channels;
  const last = first + frames;
  const w = (2 * Math.PI * s.toneHz) / format.sampleRate;
  for (const r of regions) {
    if (r.to <= first || r.from >= last) continue;
    const fade = Math.max(1, Math.min(s.fadeFrames, Math.floor((r.to - r.from) / 2)));
    for (let f = Math.max(r.from, first); f < Math.min(r.to, last); f++) {
      const weight = Math.min(1, (f - r.from + 1) / fade, (r.to - f) / fade);
      const i = (f - first) * format.channels + r.channel;
      const fill = r.fill === 'tone' ? s.toneAmplitude * Math.sin(w * f) : 0;
      const value = decoded[i]! * (1 - weight) + fill * weight;
      decoded[i] = Math.round(value);
      encodeSampleAt(format, bytes, i, value);
    }
  }
}
