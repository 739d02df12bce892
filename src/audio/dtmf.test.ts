import { describe, expect, it } from 'vitest';
import { createDtmfDetector, type DtmfTone } from './dtmf.js';
import { addKey, addNoise, addSweep, addVoice, DTMF_KEYS, silence, toInt16, type KeyPress } from './test-signals.js';

function detect(samples: Int16Array, rate: number, frame = samples.length): DtmfTone[] {
  const d = createDtmfDetector({ sampleRate: rate });
  const out: DtmfTone[] = [];
  for (let i = 0; i < samples.length; i += frame) out.push(...d.push(samples.subarray(i, i + frame)));
  return [...out, ...d.flush()];
}

/** All 16 keys one after another, 110 ms apart, with line noise; returns the signal and what was keyed. */
function keypad(rate: number, press: Omit<KeyPress, 'key' | 'start'>, noiseDb = -50): { samples: Int16Array; pressed: KeyPress[] } {
  const pressed = DTMF_KEYS.map((key, i) => ({ key, start: 0.2 + i * (press.duration + 0.06), ...press }));
  const x = silence(0.4 + pressed.length * (press.duration + 0.06), rate);
  for (const p of pressed) addKey(x, rate, p);
  addNoise(x, noiseDb, 7);
  return { samples: toInt16(x), pressed };
}

function expectFound(tones: DtmfTone[], pressed: KeyPress[]) {
  expect(tones.map((t) => t.digit).join('')).toBe(pressed.map((p) => p.key).join(''));
  tones.forEach((t, i) => {
    expect(Math.abs(t.start - pressed[i]!.start)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(t.end - (pressed[i]!.start + pressed[i]!.duration))).toBeLessThanOrEqual(0.01);
  });
}

describe('DTMF detection', () => {
  it.each([
    [8000, -6, 0, 0.08],
    [8000, -25, 0, 0.05],
    [8000, -35, 0, 0.06],
    [8000, -15, 6, 0.045],
    [8000, -15, -6, 0.045],
    [16000, -12, 3, 0.05],
    [44100, -12, -3, 0.05],
    [48000, -20, 0, 0.04],
  ])('at %i Hz, %i dBFS, twist %i dB, %f s: every key with its digit and times within 10 ms', (rate, levelDb, twistDb, duration) => {
    const { samples, pressed } = keypad(rate, { duration, levelDb, twistDb });
    expectFound(detect(samples, rate), pressed);
  });

  it.each([0.015, -0.015])('accepts tones off-frequency by %f (within Q.24 ±1.5 %)', (offset) => {
    const { samples, pressed } = keypad(8000, { duration: 0.05, levelDb: -15, offset });
    expectFound(detect(samples, 8000), pressed);
  });

  it.each([0.036, -0.036, 0.05])('rejects tones off-frequency by %f (beyond ±3.5 %)', (offset) => {
    const { samples } = keypad(8000, { duration: 0.08, levelDb: -10, offset });
    expect(detect(samples, 8000)).toEqual([]);
  });

  it('rejects tones shorter than 23 ms', () => {
    const { samples } = keypad(8000, { duration: 0.022, levelDb: -10 });
    expect(detect(samples, 8000)).toEqual([]);
  });

  it('finds the same tones on a stream of 20 ms frames as on the whole file', () => {
    const { samples } = keypad(8000, { duration: 0.05, levelDb: -20 }, -40);
    expect(detect(samples, 8000, 160)).toEqual(detect(samples, 8000));
    expect(detect(samples, 8000, 37)).toEqual(detect(samples, 8000));
  });

  it('bridges an interruption of 10 ms inside a tone, and keeps a repeated key apart after a 40 ms pause', () => {
    const x = silence(1, 8000);
    addKey(x, 8000, { key: '5', start: 0.1, duration: 0.05 });
    addKey(x, 8000, { key: '5', start: 0.16, duration: 0.05 }); // 10 ms drop-out
    addKey(x, 8000, { key: '5', start: 0.25, duration: 0.05 }); // after a 40 ms pause
    const tones = detect(toInt16(x), 8000);
    expect(tones.map((t) => t.digit)).toEqual(['5', '5']);
    expect(tones[0]!.end).toBeGreaterThan(0.2);
  });

  it('raises no false tone on speech-like signals: harmonic voices, sweeps, noise', () => {
    const rate = 8000;
    const x = silence(120, rate);
    for (let s = 0, k = 0; s < 110; s += 2.2, k++) addVoice(x, rate, s, 2, 85 + ((k * 37) % 200), k, -12 + (k % 3) * 4);
    for (let s = 1; s < 110; s += 9) addSweep(x, rate, s, 1.5, 300 + s * 10, 3000 - s * 5, -15);
    addNoise(x, -40, 3);
    expect(detect(toInt16(x), rate)).toEqual([]);
  });
});
