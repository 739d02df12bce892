import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readWav, writeWav, type AudioFormat } from '../audio/index.js';
import { addKey, addVoice, silence, toInt16 } from '../audio/test-signals.js';
import { runDtmfScan, runRedactAudio } from './audio-run.js';

const STEREO: AudioFormat = { codec: 'pcm', sampleRate: 8000, channels: 2, bitsPerSample: 16 };
const MULAW: AudioFormat = { codec: 'mulaw', sampleRate: 8000, channels: 1, bitsPerSample: 8 };

function sink(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  return { stream: new Writable({ write: (c, _e, cb) => (chunks.push(String(c)), cb()) }), text: () => chunks.join('') };
}
const io = () => {
  const out = sink();
  const err = sink();
  return { io: { stdout: out.stream, stderr: err.stream, progress: false }, out, err };
};

/** A 4-second call: the agent talks, the customer keys 5-2-7 at 2 s. */
function recording(format: AudioFormat): Uint8Array {
  const rate = format.sampleRate;
  const agent = silence(4, rate);
  const customer = silence(4, rate);
  addVoice(agent, rate, 0.2, 1.5, 170, 1);
  for (const [i, key] of [...'527'].entries()) addKey(customer, rate, { key, start: 2 + i * 0.2, duration: 0.08 });
  return writeWav(format, format.channels === 2 ? [toInt16(agent), toInt16(customer)] : [toInt16(customer)]);
}

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'callvault-audio-cli-'));
}

describe('callvault redact-audio', () => {
  it('silences the spans and the keypad tones of one file; the report has times, never digits', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'call.wav'), recording(STEREO));
    // What `callvault redact --spans` writes beside a timed transcript.
    writeFileSync(join(dir, 'spans.json'), JSON.stringify({ format: 'aws', spans: [{ channel: 0, start: 0.5, end: 1, turn: 0, type: 'PERSON', precision: 'word' }] }));
    const t = io();
    const o = await runRedactAudio(join(dir, 'call.wav'), { spans: join(dir, 'spans.json'), out: join(dir, 'out.wav'), mode: 'silence', maskDtmf: true, strict: false }, t.io);
    expect(o).toMatchObject({ files: 1, failedFiles: 0, tones: 3 });
    const line = JSON.parse(t.out.text());
    expect(line).toMatchObject({ dtmfMasked: 3, durationSeconds: 4, spans: [{ channel: 0, start: 0.45, end: 1.05 }] });
    expect(t.out.text()).not.toMatch(/digit|527/);

    const before = await readWav(readFileSync(join(dir, 'call.wav')));
    const after = await readWav(readFileSync(join(dir, 'out.wav')));
    expect(after.format).toEqual(STEREO);
    expect(Math.max(...after.channels[0]!.subarray(0.5 * 8000, 1 * 8000).map(Math.abs))).toBe(0);
    expect(after.channels[0]!.subarray(0, 0.45 * 8000 - 1)).toEqual(before.channels[0]!.subarray(0, 0.45 * 8000 - 1));
    const rescan = io();
    await runDtmfScan(join(dir, 'out.wav'), { showDigits: true, strict: false }, rescan.io);
    expect(JSON.parse(rescan.out.text()).tones).toEqual([]);
  });

  it('does a folder recursively; a bad file is named with its problem, leaves no output and the rest go on', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'in', 'day1'), { recursive: true });
    mkdirSync(join(dir, 'spans', 'day1'), { recursive: true });
    const good = recording(MULAW);
    writeFileSync(join(dir, 'in', 'day1', 'a.wav'), good);
    writeFileSync(join(dir, 'in', 'b.wav'), good.subarray(0, 30)); // cut inside the header
    writeFileSync(join(dir, 'in', 'c.wav'), good);
    writeFileSync(join(dir, 'spans', 'day1', 'a.json'), JSON.stringify([{ channel: 0, start: 1, end: 1.5 }]));
    writeFileSync(join(dir, 'spans', 'b.json'), '[]');
    writeFileSync(join(dir, 'spans', 'c.json'), JSON.stringify([{ channel: 0, start: 3.5, end: 9 }])); // past the end
    const t = io();
    const o = await runRedactAudio(join(dir, 'in'), { spans: join(dir, 'spans'), out: join(dir, 'out'), mode: 'tone', maskDtmf: true, strict: false }, t.io);
    expect(o).toMatchObject({ files: 3, failedFiles: 2 });
    expect(t.err.text()).toMatch(/^error: b\.wav: (truncated|bad_header|not_wav): /m);
    expect(t.err.text()).toMatch(/^error: c\.wav: span_past_end: span 0 ends at 9\.000 s/m);
    expect(existsSync(join(dir, 'out', 'day1', 'a.wav'))).toBe(true);
    expect(readdirSync(join(dir, 'out'))).toEqual(['day1']); // no b.wav, c.wav or temporary files
    expect(readdirSync(join(dir, 'out', 'day1'))).toEqual(['a.wav']);
  });

  it('refuses a spans file that is not a list of spans, naming the file and the field', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'call.wav'), recording(MULAW));
    writeFileSync(join(dir, 'spans.json'), JSON.stringify([{ channel: 0, start: 'one', end: 2 }]));
    const t = io();
    const o = await runRedactAudio(join(dir, 'call.wav'), { spans: join(dir, 'spans.json'), out: join(dir, 'out.wav'), mode: 'silence', maskDtmf: false, strict: false }, t.io);
    expect(o.failedFiles).toBe(1);
    expect(t.err.text()).toContain('spans.json: 0.start:');
    expect(existsSync(join(dir, 'out.wav'))).toBe(false);
  });

  it('refuses to run with neither spans nor --mask-dtmf', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'call.wav'), recording(MULAW));
    await expect(runRedactAudio(join(dir, 'call.wav'), { out: join(dir, 'out.wav'), mode: 'silence', maskDtmf: false, strict: false }, io().io)).rejects.toThrow(/nothing to do/);
  });
});

describe('callvault dtmf', () => {
  it('lists tones by channel and time; the digits only with --show-digits', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'call.wav'), recording(STEREO));
    const plain = io();
    await runDtmfScan(join(dir, 'call.wav'), { showDigits: false, strict: false }, plain.io);
    const line = JSON.parse(plain.out.text());
    expect(line.tones).toHaveLength(3);
    expect(line.tones[0]).toEqual({ channel: 1, start: expect.closeTo(2, 2), end: expect.closeTo(2.08, 2) });
    const shown = io();
    await runDtmfScan(join(dir, 'call.wav'), { showDigits: true, strict: false }, shown.io);
    expect(JSON.parse(shown.out.text()).tones.map((t: { digit: string }) => t.digit).join('')).toBe('527');
  });

  it('names a file that is not a WAV recording and its problem', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'notes.wav'), 'this is a text file, not audio');
    const t = io();
    const o = await runDtmfScan(join(dir, 'notes.wav'), { showDigits: false, strict: false }, t.io);
    expect(o.failedFiles).toBe(1);
    expect(t.err.text()).toMatch(/notes\.wav: not_wav: /);
  });
});
