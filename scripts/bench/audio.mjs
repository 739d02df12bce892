// Audio engine speed and memory: seconds of audio per wall second for keypad-tone masking (scan +
// mask, two passes) and for span redaction, on 8 kHz mono µ-law and 16 kHz stereo PCM, and the
// peak RSS of each run, including on a 2-hour recording (memory must stay flat).
import { closeSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const name = 'audio';
export const order = 30;
export const description = 'audio engine: × real time for DTMF scan+mask and span redaction, peak RSS (10-min and 2-hour files; --quick: 10 min only)';

const FORMATS = [
  { label: '8 kHz mono µ-law', format: { codec: 'mulaw', sampleRate: 8000, channels: 1, bitsPerSample: 8 } },
  { label: '16 kHz stereo PCM', format: { codec: 'pcm', sampleRate: 16000, channels: 2, bitsPerSample: 16 } },
];

/** A minute of call audio: voices on both parties, noise, and a card number keyed at 30 s. */
async function minuteOfCall(root, format) {
  const audio = await import(pathToFileURL(join(root, 'dist', 'audio', 'index.js')).href);
  const sig = await import(pathToFileURL(join(root, 'dist', 'audio', 'test-signals.js')).href);
  const rate = format.sampleRate;
  const agent = sig.silence(60, rate);
  const customer = sig.silence(60, rate);
  for (let t = 0; t < 58; t += 6) {
    sig.addVoice(agent, rate, t, 2.5, 150 + (t % 40), t + 1);
    sig.addVoice(customer, rate, t + 3, 2.5, 110 + (t % 30), t + 2);
  }
  [...'4111111111111111'].forEach((key, i) => sig.addKey(customer, rate, { key, start: 30 + i * 0.15, duration: 0.07, levelDb: -14 }));
  sig.addNoise(agent, -50, 3);
  sig.addNoise(customer, -50, 4);
  const channels = format.channels === 2 ? [sig.toInt16(agent), sig.toInt16(customer)] : [sig.toInt16(customer)];
  const wav = audio.writeWav(format, channels);
  const header = wav.subarray(0, wav.length - audio.encodeChannels(format, channels).length);
  return { audio, data: wav.subarray(header.length) };
}

/** A WAV of `minutes` minutes written minute by minute (a 2-hour file is never held in memory). */
async function writeRecording(root, format, minutes, path) {
  const { audio, data } = await minuteOfCall(root, format);
  const fd = openSync(path, 'w');
  writeSync(fd, audio.wavHeader(format, data.length * minutes));
  for (let m = 0; m < minutes; m++) writeSync(fd, data);
  closeSync(fd);
}

function runChild(root, path, task, seconds) {
  const child = spawnSync(process.execPath, [fileURLToPath(new URL('./lib/audio-child.mjs', import.meta.url)), root, path, task, String(seconds)], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`audio child exited ${child.status}: ${child.stderr.slice(0, 500)}`);
  return JSON.parse(child.stdout);
}

export async function run(ctx) {
  const lengths = ctx.quick ? [10] : [10, 120];
  const rows = [];
  for (const { label, format } of FORMATS) {
    for (const minutes of lengths) {
      const path = join(tmpdir(), `callvault-bench-audio-${format.codec}-${format.sampleRate}-${minutes}m.wav`);
      await writeRecording(ctx.root, format, minutes, path);
      for (const task of ['mask', 'spans']) {
        const r = runChild(ctx.root, path, task, minutes * 60);
        rows.push({ label, minutes, task, ...r });
      }
      unlinkSync(path);
    }
  }
  console.log('one core (one Node process); "mask" = DTMF scan + silence every tone (two passes), "spans" = 1.2 s redacted every 10 s');
  console.log(`${'format'.padEnd(18)} ${'length'.padStart(7)} ${'task'.padEnd(6)} ${'× real time'.padStart(12)} ${'MB/s'.padStart(7)} ${'tones'.padStart(6)} ${'peak RSS'.padStart(9)}`);
  for (const r of rows) {
    const speed = r.audioSeconds / r.seconds;
    console.log(
      `${r.label.padEnd(18)} ${`${r.minutes} min`.padStart(7)} ${r.task.padEnd(6)} ${speed.toFixed(0).padStart(12)} ${(r.bytes / 1e6 / r.seconds).toFixed(1).padStart(7)} ${String(r.tones).padStart(6)} ${`${(r.maxRssKb / 1024).toFixed(0)} MB`.padStart(9)}`,
    );
  }
  console.log('peers: no maintained npm library redacts WAV spans or masks DTMF in a stream; the aim is ≥ 2000× real time at 8 kHz with flat memory');
}
