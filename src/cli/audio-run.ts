import { createReadStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, relative } from 'node:path';
import type { Writable } from 'node:stream';
import cliProgress from 'cli-progress';
import { z } from 'zod';
import { AudioFormatError, redactRecording, scanDtmf, type AudioSpan, type ByteSource, type RedactionReport } from '../audio/index.js';

/** A spans file: what `callvault redact --spans` writes (`{ spans: [...] }`), or a bare array. */
const SpanSchema = z.object({ channel: z.number().int().min(0), start: z.number().min(0), end: z.number().min(0) });
const SpanListSchema = z.array(SpanSchema);
const SpansObjectSchema = z.object({ spans: SpanListSchema });

export interface AudioIo {
  stdout: Writable;
  stderr: Writable;
  /** Show a progress bar for directories (a terminal). */
  progress: boolean;
}

export interface AudioRunOutcome {
  files: number;
  failedFiles: number;
  audioSeconds: number;
  wallSeconds: number;
  tones: number;
}

export interface RedactAudioOptions {
  /** A spans file (file input) or a folder of `<name>.json` spans files (folder input); none: mask keypad tones only. */
  spans?: string;
  out: string;
  mode: 'silence' | 'tone';
  maskDtmf: boolean;
  paddingMs?: number;
  toneHz?: number;
  toneDbfs?: number;
  strict: boolean;
}

/** A problem with one file the user can act on; the message names the file's problem, never its audio. */
class AudioInputError extends Error {}

const fileSource = (path: string): ByteSource => () => createReadStream(path, { highWaterMark: 256 * 1024 });

/** The message printed for a failed file: our own errors as they are, anything else by its kind only. */
function reason(err: unknown): string {
  if (err instanceof AudioFormatError) return `${err.code}: ${err.message}`;
  if (err instanceof AudioInputError) return err.message;
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return `file system error ${code}`;
  return `audio processing failed (${err instanceof Error ? err.name : 'error'})`;
}

async function readSpans(path: string): Promise<AudioSpan[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    if (err instanceof SyntaxError) throw new AudioInputError(`spans file ${path} is not valid JSON`);
    throw err;
  }
  const r = Array.isArray(parsed) ? SpanListSchema.safeParse(parsed) : SpansObjectSchema.safeParse(parsed);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new AudioInputError(`spans file ${path}: ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'not a list of spans'} (expected [{channel, start, end}] or {spans: [...]})`);
  }
  return Array.isArray(r.data) ? r.data : r.data.spans;
}

/** Writes a stream to `out` through a temporary file in the same folder: a failed run leaves no partial file. */
async function writeAtomically(out: string, chunks: AsyncIterable<Uint8Array>): Promise<void> {
  await mkdir(dirname(out), { recursive: true });
  const tmp = join(dirname(out), `.${basename(out)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const file = createWriteStream(tmp);
  try {
    for await (const chunk of chunks) if (!file.write(chunk)) await once(file, 'drain');
    file.end();
    await once(file, 'finish');
    await rename(tmp, out);
  } catch (err) {
    file.destroy();
    await rm(tmp, { force: true });
    throw err;
  }
}

async function walkWavs(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.sort((a, b) => a.name.localeCompare(b.name)).map((e) => (e.isDirectory() ? walkWavs(join(dir, e.name)) : Promise.resolve(e.isFile() && /\.wav$/i.test(e.name) ? [join(dir, e.name)] : []))),
  );
  return nested.flat();
}

/** The files of a run: one file, or every .wav under a folder (recursively) with its relative name. */
async function inputs(input: string): Promise<{ folder: boolean; files: { path: string; rel: string; bytes: number }[] }> {
  const info = await stat(input);
  if (!info.isDirectory()) return { folder: false, files: [{ path: input, rel: basename(input), bytes: info.size }] };
  const paths = await walkWavs(input);
  return { folder: true, files: await Promise.all(paths.map(async (p) => ({ path: p, rel: relative(input, p), bytes: (await stat(p)).size }))) };
}

function progressBar(io: AudioIo, label: string, files: number, totalBytes: number) {
  if (!io.progress || files < 2) return undefined;
  const bar = new cliProgress.SingleBar(
    { format: `${label} |{bar}| {percentage}% | {done}/{files} files | {speed}× real time | ETA {eta_formatted}`, hideCursor: true, etaBuffer: 20, stream: io.stderr as NodeJS.WriteStream },
    cliProgress.Presets.shades_classic,
  );
  bar.start(Math.max(1, totalBytes), 0, { done: 0, files, speed: '0' });
  return bar;
}

/**
 * Runs `each` over the files of a run with a progress bar, reporting failures by file name and
 * problem; a failure does not stop the run unless `strict`.
 */
async function runFiles(
  input: string,
  io: AudioIo,
  label: string,
  strict: boolean,
  each: (file: { path: string; rel: string }, folder: boolean) => Promise<{ audioSeconds: number; tones: number }>,
): Promise<AudioRunOutcome> {
  const started = process.hrtime.bigint();
  const { folder, files } = await inputs(input);
  if (folder && files.length === 0) throw new AudioInputError(`no .wav files under ${input}`);
  const outcome: AudioRunOutcome = { files: files.length, failedFiles: 0, audioSeconds: 0, wallSeconds: 0, tones: 0 };
  const bar = progressBar(io, label, files.length, files.reduce((n, f) => n + f.bytes, 0));
  let bytes = 0;
  for (const [i, file] of files.entries()) {
    try {
      const r = await each(file, folder);
      outcome.audioSeconds += r.audioSeconds;
      outcome.tones += r.tones;
    } catch (err) {
      outcome.failedFiles += 1;
      bar?.stop();
      io.stderr.write(`error: ${folder ? file.rel : file.path}: ${reason(err)}\n`);
      if (strict) break;
    }
    bytes += file.bytes;
    const wall = Number(process.hrtime.bigint() - started) / 1e9;
    bar?.update(bytes, { done: i + 1, speed: (outcome.audioSeconds / Math.max(wall, 1e-3)).toFixed(0) });
  }
  bar?.stop();
  outcome.wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  return outcome;
}

/** Where a folder run finds the spans of `a/b.wav`: `<spans>/a/b.json`. */
const spansFor = (spansDir: string, rel: string) => join(spansDir, rel.replace(/\.wav$/i, '.json'));

/**
 * `callvault redact-audio`: a file (to `--out` file) or a folder (to `--out` folder, same relative
 * names). Prints one line per file: spans and tone counts and times, never the digits.
 */
export async function runRedactAudio(input: string, opts: RedactAudioOptions, io: AudioIo): Promise<AudioRunOutcome> {
  if (opts.spans === undefined && !opts.maskDtmf) throw new AudioInputError('nothing to do: give --spans, --mask-dtmf or both');
  const spansInfo = opts.spans === undefined ? undefined : await stat(opts.spans).catch(() => undefined);
  if (opts.spans !== undefined && !spansInfo) throw new AudioInputError(`spans ${opts.spans} does not exist`);
  return runFiles(input, io, 'redact-audio', opts.strict, async (file, folder) => {
    if (folder && spansInfo?.isFile()) throw new AudioInputError('a folder of recordings needs --spans <folder> with one <name>.json per recording');
    if (!folder && spansInfo?.isDirectory()) throw new AudioInputError('one recording needs --spans <file>');
    const spans = opts.spans === undefined ? [] : await readSpans(folder ? spansFor(opts.spans, file.rel) : opts.spans);
    const out = folder ? join(opts.out, file.rel) : opts.out;
    const run = redactRecording(fileSource(file.path), {
      spans,
      mode: opts.mode,
      maskDtmf: opts.maskDtmf,
      ...(opts.paddingMs !== undefined ? { paddingMs: opts.paddingMs } : {}),
      ...(opts.toneHz !== undefined ? { toneHz: opts.toneHz } : {}),
      ...(opts.toneDbfs !== undefined ? { toneDbfs: opts.toneDbfs } : {}),
      waveformBuckets: 1,
    });
    await writeAtomically(out, run.output);
    const report = run.report();
    io.stdout.write(`${JSON.stringify(reportLine(folder ? file.rel : file.path, out, report))}\n`);
    return { audioSeconds: report.durationSeconds, tones: report.dtmf.length };
  });
}

const ms = (t: number) => Math.round(t * 1000) / 1000;

/** What a redacted file's line says: format, spans as applied, and keypad tones by channel and time only. */
function reportLine(file: string, out: string, r: RedactionReport) {
  return {
    file,
    out,
    format: r.format,
    durationSeconds: r.durationSeconds,
    spans: r.spans.map((s) => ({ channel: s.channel, start: ms(s.start), end: ms(s.end) })),
    dtmfMasked: r.dtmf.length,
    dtmf: r.dtmf.map((t) => ({ channel: t.channel, start: ms(t.start), end: ms(t.end) })),
  };
}

/** `callvault dtmf`: keypad tones in each file as one JSON line; digits only when asked for (testing). */
export async function runDtmfScan(input: string, opts: { showDigits: boolean; strict: boolean }, io: AudioIo): Promise<AudioRunOutcome> {
  return runFiles(input, io, 'dtmf', opts.strict, async (file, folder) => {
    const scan = await scanDtmf(fileSource(file.path));
    const durationSeconds = ms(scan.frames / scan.format.sampleRate);
    const tones = scan.tones.map((t) => ({ ...(opts.showDigits ? { digit: t.digit } : {}), channel: t.channel, start: ms(t.start), end: ms(t.end) }));
    io.stdout.write(`${JSON.stringify({ file: folder ? file.rel : file.path, format: scan.format, durationSeconds, tones })}\n`);
    return { audioSeconds: durationSeconds, tones: tones.length };
  });
}

/** The end-of-run line: files, audio processed and speed. */
export function formatAudioSummary(o: AudioRunOutcome, tonesLabel: string): string {
  const speed = o.audioSeconds / Math.max(o.wallSeconds, 1e-3);
  return `files: ${o.files} (${o.failedFiles} with errors), ${o.tones} ${tonesLabel}, ${o.audioSeconds.toFixed(1)} s of audio in ${o.wallSeconds.toFixed(2)} s (${speed.toFixed(0)}× real time)\n`;
}

export { AudioInputError };
