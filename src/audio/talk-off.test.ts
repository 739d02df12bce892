import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AudioFormat } from './format.js';
import { scanDtmf } from './redact-recording.js';
import { readWav, writeWav } from './wav-file.js';

/**
 * Talk-off on real speech: a DTMF detector must not hear digits in people talking, including
 * people reading digits out. The speech is synthesized by espeak-ng (Debian package, installed by
 * .ci/run); without it the test is skipped with a message.
 */
const espeak = spawnSync('espeak-ng', ['--version'], { encoding: 'utf8' }).status === 0;
if (!espeak) console.warn('[callvault tests] espeak-ng is not installed: the DTMF talk-off test on synthesized speech is skipped (apt-get install espeak-ng)');

const SCRIPT = [
  'Thank you for calling, my name is Daniel, how can I help you today?',
  'Hi, yes, I would like to pay the balance on my account please. The account number is four seven one two nine nine three.',
  'Of course. For security I will need the card number, you can type it on your keypad now, or read it to me if you prefer.',
  'It is four one one one, one one one one, one one one one, one one one one, and the expiry is oh nine twenty eight.',
  'Lovely, and the three digit code on the back? Seven three seven. Perfect, that is all gone through for you.',
  'Is there anything else? Well, actually, my address changed, it is now twenty two Baker Street, London, N W one six X E.',
  'I can update that for you. Could you confirm your date of birth? The fourteenth of March, nineteen eighty one.',
  'Music on hold can play while I check, beep, beep, one moment please. Hello? Sorry, the line went quiet for a second.',
  'Mm-hmm, okay, yes, right, no problem at all, thank you so much, have a wonderful evening, goodbye now.',
].join(' ');

const VOICES: { voice: string; speed: number; pitch: number }[] = [
  { voice: 'en-gb', speed: 160, pitch: 50 },
  { voice: 'en-us', speed: 190, pitch: 35 },
  { voice: 'en-us+f3', speed: 150, pitch: 70 },
  { voice: 'en-gb-scotland', speed: 175, pitch: 60 },
  { voice: 'en-us+m7', speed: 140, pitch: 20 },
  { voice: 'en-gb+f5', speed: 200, pitch: 90 },
];

/** To 8 kHz telephone audio: a moving-average low-pass, then linear interpolation. */
function toTelephone(samples: Int16Array, rate: number): Int16Array {
  const step = rate / 8000;
  const width = Math.max(1, Math.round(step));
  const out = new Int16Array(Math.floor(samples.length / step));
  for (let i = 0; i < out.length; i++) {
    const at = Math.floor(i * step);
    let sum = 0;
    for (let k = 0; k < width; k++) sum += samples[Math.min(samples.length - 1, at + k)]!;
    out[i] = Math.round(sum / width);
  }
  return out;
}

describe.skipIf(!espeak)('DTMF talk-off on synthesized speech (espeak-ng)', () => {
  it('finds no keypad tone in several minutes of speech, digits read out included, at 22 kHz and as 8 kHz µ-law', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'callvault-talkoff-'));
    let seconds = 0;
    const falseTones: string[] = [];
    for (const [i, v] of VOICES.entries()) {
      const path = join(dir, `speech-${i}.wav`);
      const r = spawnSync('espeak-ng', ['-v', v.voice, '-s', String(v.speed), '-p', String(v.pitch), '-w', path, SCRIPT], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      const bytes = new Uint8Array(readFileSync(path));
      const native = await scanDtmf(async function* () {
        yield bytes;
      });
      seconds += native.frames / native.format.sampleRate;
      falseTones.push(...native.tones.map((t) => `${v.voice} native ${t.start.toFixed(2)} s`));

      const { format, channels } = await readWav(bytes);
      const mulaw: AudioFormat = { codec: 'mulaw', sampleRate: 8000, channels: 1, bitsPerSample: 8 };
      const phone = writeWav(mulaw, [toTelephone(channels[0]!, format.sampleRate)]);
      const narrow = await scanDtmf(async function* () {
        yield phone;
      });
      seconds += narrow.frames / 8000;
      falseTones.push(...narrow.tones.map((t) => `${v.voice} 8k ${t.start.toFixed(2)} s`));
    }
    console.log(`[talk-off] ${seconds.toFixed(0)} s of synthesized speech (${VOICES.length} voices, native and 8 kHz µ-law): ${falseTones.length} false tones`);
    expect(seconds).toBeGreaterThan(180);
    expect(falseTones).toEqual([]);
  }, 60_000);
});
