// One audio bench run in its own process, so the peak RSS is this run's alone:
// node audio-child.mjs <root> <file.wav> <mask|spans> <audio seconds>. Prints JSON.
import { createReadStream } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

const [root, file, task, audioSeconds] = process.argv.slice(2);
const audio = await import(pathToFileURL(join(root, 'dist', 'audio', 'index.js')).href);
const open = () => createReadStream(file, { highWaterMark: 256 * 1024 });

// mask: find and silence keypad tones (two passes). spans: 1.2 s redacted every 10 s on channel 0,
// as word timings of names and numbers give them (one pass).
const spans = [];
if (task === 'spans') for (let t = 5; t + 1.2 < Number(audioSeconds); t += 10) spans.push({ channel: 0, start: t, end: t + 1.2 });

const started = process.hrtime.bigint();
const run = audio.redactRecording(open, { spans, mode: 'silence', maskDtmf: task === 'mask' });
let bytes = 0;
for await (const chunk of run.output) bytes += chunk.length;
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const report = run.report();
process.stdout.write(JSON.stringify({ seconds, bytes, audioSeconds: report.durationSeconds, tones: report.dtmf.length, spans: report.spans.length, maxRssKb: process.resourceUsage().maxRSS }));
