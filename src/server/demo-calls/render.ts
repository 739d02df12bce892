import { writeWav } from '../../audio/index.js';
import type { DemoScript } from './scripts.js';

const RATE = 8000;
const WORD_GAP = 0.08;
const TURN_GAP = 0.45;
const DTMF: Record<string, [number, number]> = {
  '1': [697, 1209], '2': [697, 1336], '3': [697, 1477], '4': [770, 1209], '5': [770, 1336], '6': [770, 1477],
  '7': [852, 1209], '8': [852, 1336], '9': [852, 1477], '*': [941, 1209], '0': [941, 1336], '#': [941, 1477],
};

/** Seconds a word takes, roughly by its length (a fluent 2.5–3 words per second). */
const wordSeconds = (w: string) => 0.16 + 0.045 * w.replace(/[^\p{L}\p{N}]/gu, '').length;

interface Placed {
  speaker: 'agent' | 'customer';
  text: string;
  start: number;
  end: number;
  words: { word: string; start: number; end: number }[];
}

/** Times for every word, turn after turn, with room for keypad tones where the script has them. */
function place(script: DemoScript): { turns: Placed[]; keypad: { start: number; digits: string } | null; duration: number } {
  let t = 0.4;
  let keypad: { start: number; digits: string } | null = null;
  const turns = script.turns.map((turn, i) => {
    const words = turn.text.split(/\s+/).filter(Boolean).map((word) => {
      const start = t;
      t += wordSeconds(word);
      const w = { word, start: round(start), end: round(t) };
      t += WORD_GAP;
      return w;
    });
    const placed: Placed = { speaker: turn.speaker, text: turn.text, start: words[0]?.start ?? t, end: words[words.length - 1]?.end ?? t, words };
    t += TURN_GAP;
    if (script.keypad?.afterTurn === i) {
      keypad = { start: t, digits: script.keypad.digits };
      t += script.keypad.digits.length * 0.16 + 0.5;
    }
    return placed;
  });
  return { turns, keypad, duration: t + 0.3 };
}

const round = (s: number) => Math.round(s * 1000) / 1000;

/** A voiced stand-in for a spoken word: a few harmonics of a gliding pitch under a syllable envelope. */
function voice(out: Float32Array, channels: number, channel: number, start: number, end: number, f0: number, seed: number): void {
  const from = Math.floor(start * RATE);
  const to = Math.min(Math.floor(end * RATE), out.length / channels);
  let phase = 0;
  for (let i = from; i < to; i++) {
    const x = (i - from) / Math.max(1, to - from);
    const pitch = f0 * (1 + 0.08 * Math.sin(Math.PI * x + seed));
    phase += (2 * Math.PI * pitch) / RATE;
    let s = 0;
    for (let h = 1; h <= 10; h++) s += Math.sin(h * phase) / h ** 1.3;
    const envelope = Math.sin(Math.PI * x) ** 0.6 * (0.75 + 0.25 * Math.sin(2 * Math.PI * x * 3 + seed));
    out[i * channels + channel]! += 0.12 * envelope * s;
  }
}

function tone(out: Float32Array, channels: number, channel: number, start: number, seconds: number, [lo, hi]: [number, number]): void {
  const from = Math.floor(start * RATE);
  const n = Math.floor(seconds * RATE);
  for (let i = 0; i < n && from + i < out.length / channels; i++) {
    const t = i / RATE;
    out[(from + i) * channels + channel]! += 0.3 * Math.sin(2 * Math.PI * lo * t) + 0.3 * Math.sin(2 * Math.PI * hi * t);
  }
}

/** The mixed signal as 16-bit PCM with a little deterministic line hiss. */
function wav(samples: Float32Array, channels: number): Buffer {
  const perChannel = Array.from({ length: channels }, () => new Int16Array(samples.length / channels));
  let noise = 12345;
  for (let i = 0; i < samples.length; i++) {
    noise = (noise * 1103515245 + 12345) & 0x7fffffff;
    const v = samples[i]! + (noise / 0x7fffffff - 0.5) * 0.004;
    perChannel[i % channels]![Math.floor(i / channels)] = Math.max(-32768, Math.min(32767, Math.round(v * 32767)));
  }
  return Buffer.from(writeWav({ codec: 'pcm', sampleRate: RATE, channels, bitsPerSample: 16 }, perChannel));
}

/**
 * A demo call as a contact-center platform would hand it over: a callvault conversation JSON with
 * word timings (agent on channel 0, customer on channel 1) and a stereo 8 kHz recording in which
 * each word is a voiced sound at its time and keyed digits are real DTMF tone pairs.
 */
export function renderDemoCall(script: DemoScript): { transcript: string; recording: Buffer; durationSeconds: number } {
  const { turns, keypad, duration } = place(script);
  const channels = 2;
  const samples = new Float32Array(Math.ceil(duration * RATE) * channels);
  turns.forEach((turn, ti) => {
    const channel = turn.speaker === 'agent' ? 0 : 1;
    turn.words.forEach((w, wi) => voice(samples, channels, channel, w.start, w.end, turn.speaker === 'agent' ? 190 : 125, ti * 7 + wi));
  });
  if (keypad) {
    [...keypad.digits].forEach((d, i) => {
      const pair = DTMF[d];
      if (pair) tone(samples, channels, 1, keypad.start + i * 0.16, 0.08, pair);
    });
  }
  const transcript = JSON.stringify({
    format: 'callvault.conversation',
    version: 1,
    id: script.id,
    turns: turns.map((t) => ({ speaker: t.speaker, channel: t.speaker === 'agent' ? 0 : 1, start: t.start, end: t.end, text: t.text, words: t.words })),
  });
  return { transcript, recording: wav(samples, channels), durationSeconds: round(duration) };
}
