/**
 * Signals for tests and benches, made in code: DTMF key presses (level, twist, frequency offset,
 * duration), noise, swept tones and harmonic "voices". Deterministic (seeded), so a failure repeats.
 */

export const DTMF_FREQUENCIES: Record<string, [number, number]> = {
  '1': [697, 1209], '2': [697, 1336], '3': [697, 1477], A: [697, 1633],
  '4': [770, 1209], '5': [770, 1336], '6': [770, 1477], B: [770, 1633],
  '7': [852, 1209], '8': [852, 1336], '9': [852, 1477], C: [852, 1633],
  '*': [941, 1209], '0': [941, 1336], '#': [941, 1477], D: [941, 1633],
};

export const DTMF_KEYS = Object.keys(DTMF_FREQUENCIES);

/** A seeded uniform random generator in [0, 1) (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const amplitude = (dbfs: number) => 32767 * 10 ** (dbfs / 20);

/** A float buffer of `seconds` of silence at `rate`: signals are added into it, then `toInt16`. */
export const silence = (seconds: number, rate: number): Float64Array => new Float64Array(Math.round(seconds * rate));

export interface KeyPress {
  key: string;
  start: number;
  duration: number;
  /** Level of each tone in dBFS (default −10). */
  levelDb?: number;
  /** High-group level minus low-group level, dB (default 0). */
  twistDb?: number;
  /** Relative frequency offset applied to both tones (0.02 = +2 %). */
  offset?: number;
}

export function addKey(out: Float64Array, rate: number, k: KeyPress): void {
  const [lo, hi] = DTMF_FREQUENCIES[k.key]!;
  const level = k.levelDb ?? -10;
  const aLo = amplitude(level - (k.twistDb ?? 0) / 2);
  const aHi = amplitude(level + (k.twistDb ?? 0) / 2);
  const f = 1 + (k.offset ?? 0);
  const from = Math.round(k.start * rate);
  const count = Math.round(k.duration * rate);
  for (let i = 0; i < count && from + i < out.length; i++) {
    const t = i / rate;
    out[from + i]! += aLo * Math.sin(2 * Math.PI * lo * f * t) + aHi * Math.sin(2 * Math.PI * hi * f * t + 0.7);
  }
}

/** White noise at `dbfs` RMS. */
export function addNoise(out: Float64Array, dbfs: number, seed = 1): void {
  const rnd = seeded(seed);
  const a = amplitude(dbfs) * Math.sqrt(3);
  for (let i = 0; i < out.length; i++) out[i]! += (rnd() * 2 - 1) * a;
}

/** A sine sweeping from f0 to f1 Hz over the span (sirens, music, line tests). */
export function addSweep(out: Float64Array, rate: number, start: number, seconds: number, f0: number, f1: number, dbfs = -12): void {
  const from = Math.round(start * rate);
  const count = Math.round(seconds * rate);
  const a = amplitude(dbfs);
  let phase = 0;
  for (let i = 0; i < count && from + i < out.length; i++) {
    phase += (2 * Math.PI * (f0 + ((f1 - f0) * i) / count)) / rate;
    out[from + i]! += a * Math.sin(phase);
  }
}

/**
 * A voiced stand-in for speech: a gliding pitch (f0) with 1/h harmonics up to 3.4 kHz under a
 * syllable envelope of about 4 syllables a second. Harmonics pass through the DTMF band all the time.
 */
export function addVoice(out: Float64Array, rate: number, start: number, seconds: number, f0: number, seed = 1, dbfs = -14): void {
  const rnd = seeded(seed);
  const from = Math.round(start * rate);
  const count = Math.round(seconds * rate);
  const a = amplitude(dbfs);
  let phase = 0;
  let glide = 0;
  for (let i = 0; i < count && from + i < out.length; i++) {
    const t = i / rate;
    if (i % Math.round(rate / 50) === 0) glide = 0.9 * glide + 0.1 * (rnd() * 2 - 1);
    const pitch = f0 * (1 + 0.15 * Math.sin(2 * Math.PI * 0.7 * t + seed) + 0.3 * glide);
    phase += (2 * Math.PI * pitch) / rate;
    let s = 0;
    for (let h = 1; h * pitch < Math.min(3400, rate / 2); h++) s += Math.sin(h * phase) / h;
    const envelope = Math.abs(Math.sin(Math.PI * 4 * t)) ** 0.5;
    out[from + i]! += a * envelope * s * 0.5;
  }
}

export function toInt16(x: Float64Array): Int16Array {
  const out = new Int16Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = Math.max(-32768, Math.min(32767, Math.round(x[i]!)));
  return out;
}

/** Energy of `x` at frequency `freq` over [from, to) samples (Goertzel power), for "down by N dB" checks. */
export function powerAt(x: Int16Array | Float64Array, rate: number, freq: number, from = 0, to = x.length): number {
  const c = 2 * Math.cos((2 * Math.PI * freq) / rate);
  let s1 = 0;
  let s2 = 0;
  for (let i = from; i < to; i++) {
    const s = x[i]! + c * s1 - s2;
    s2 = s1;
    s1 = s;
  }
  return s1 * s1 + s2 * s2 - c * s1 * s2;
}
