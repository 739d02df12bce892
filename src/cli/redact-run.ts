import { createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { dirname, join, relative } from 'node:path';
import type { Writable } from 'node:stream';
import cliProgress from 'cli-progress';
import { detectFormat, FormatError, type AppliedEdit, type FormatName, type Redactor } from '../redaction/index.js';
import { safeReason } from './redact-errors.js';
import { redactJsonlStream } from './redact-jsonl.js';

/** What a run redacted, by entity type (an entity split over turns counts once). */
export class RedactStats {
  readonly byType = new Map<string, number>();
  entities = 0;
  count(edits: readonly AppliedEdit[]): void {
    const seen = new Set<string>();
    for (const e of edits) {
      if (e.entityId !== undefined) {
        if (seen.has(e.entityId)) continue;
        seen.add(e.entityId);
      }
      this.entities += 1;
      this.byType.set(e.type, (this.byType.get(e.type) ?? 0) + 1);
    }
  }
}

export interface RedactRunOptions {
  format?: FormatName | 'jsonl';
  out?: string;
  spans?: string;
  strict: boolean;
}

export interface RedactIo {
  stdin: NodeJS.ReadableStream;
  stdout: Writable;
  stderr: Writable;
  /** Show a progress bar for directories (a terminal). */
  progress: boolean;
}

export interface RedactOutcome {
  files: number;
  failedFiles: number;
  skipped: number;
  failures: number;
  bytes: number;
  seconds: number;
  stats: RedactStats;
}

const KNOWN = /\.(jsonl|ndjson|json|txt|vtt|srt)$/i;
const isJsonl = (path: string, format: RedactRunOptions['format']) => format === 'jsonl' || (format === undefined && /\.(jsonl|ndjson)$/i.test(path));

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.sort((a, b) => a.name.localeCompare(b.name)).map((e) => (e.isDirectory() ? walk(join(dir, e.name)) : Promise.resolve(e.isFile() ? [join(dir, e.name)] : []))));
  return nested.flat();
}

/**
 * `callvault redact` for a file, `-` (stdin) or a directory (recursively, into `--out`). Errors
 * name the file and line, never the content; a failure does not stop the run unless `strict`.
 */
export async function runRedact(input: string, redactor: Redactor, opts: RedactRunOptions, io: RedactIo): Promise<RedactOutcome> {
  const started = process.hrtime.bigint();
  const stats = new RedactStats();
  const outcome: RedactOutcome = { files: 0, failedFiles: 0, skipped: 0, failures: 0, bytes: 0, seconds: 0, stats };
  const report = (where: string, reason: string) => io.stderr.write(`error: ${where}: ${reason}\n`);
  const docFormat = opts.format === 'jsonl' ? undefined : opts.format;

  /** Redacts one file or stdin; returns false when it failed. */
  async function one(source: string | '-', name: string, outPath: string | undefined, onProgress?: (bytes: number) => void): Promise<boolean> {
    outcome.files += 1;
    try {
      if (isJsonl(source === '-' ? '' : source, opts.format)) {
        if (outPath) await mkdir(dirname(outPath), { recursive: true });
        const output = outPath ? createWriteStream(outPath) : io.stdout;
        const bad = await redactJsonlStream(source === '-' ? io.stdin : source, output, redactor, stats, {
          strict: opts.strict,
          onFailure: (f) => report(`${name}:${f.line}`, f.reason),
          ...(onProgress ? { onProgress } : {}),
        });
        if (outPath) {
          output.end();
          await once(output, 'finish');
        }
        outcome.failures += bad;
        if (bad > 0) outcome.failedFiles += 1;
        return bad === 0;
      }
      const content = source === '-' ? await readAll(io.stdin) : await readFile(source, 'utf8');
      // A .json file that does not parse is an error, not plain text to pass through.
      if (!docFormat && /\.json$/i.test(source) && detectFormat(content) === 'text') throw new FormatError('unknown', '(root)', 'not valid JSON');
      const r = await redactor.redactDocument(content, docFormat ? { format: docFormat } : {});
      stats.count(r.edits);
      onProgress?.(Buffer.byteLength(content));
      if (outPath) {
        await mkdir(dirname(outPath), { recursive: true });
        await writeFile(outPath, r.output);
      } else io.stdout.write(r.output);
      const spansPath = opts.spans ?? (outPath && r.timeSpans.length > 0 ? `${outPath}.timespans.json` : undefined);
      if (spansPath && r.timeSpans.length > 0) await writeFile(spansPath, `${JSON.stringify({ format: r.format, spans: r.timeSpans }, null, 2)}\n`);
      return true;
    } catch (err) {
      outcome.failures += 1;
      outcome.failedFiles += 1;
      report(name, safeReason(err));
      return false;
    }
  }

  const info = input === '-' ? undefined : await stat(input);
  if (!info?.isDirectory()) {
    if (info) outcome.bytes = info.size;
    await one(input, input === '-' ? 'stdin' : input, opts.out);
  } else {
    if (!opts.out) throw new Error('a directory needs --out <dir> (files are never redacted in place)');
    const all = await walk(input);
    const files = all.filter((f) => KNOWN.test(f));
    outcome.skipped = all.length - files.length;
    const sizes = await Promise.all(files.map(async (f) => (await stat(f)).size));
    const total = sizes.reduce((a, b) => a + b, 0);
    const bar = io.progress
      ? new cliProgress.SingleBar(
          { format: 'redact |{bar}| {percentage}% | {done}/{files} files | {entities} entities | {mbps} MB/s | ETA {eta_formatted}', hideCursor: true, etaBuffer: 50, stream: io.stderr as NodeJS.WriteStream },
          cliProgress.Presets.shades_classic,
        )
      : undefined;
    bar?.start(Math.max(1, total), 0, { done: 0, files: files.length, entities: 0, mbps: '0.0' });
    let done = 0;
    const tick = (bytes: number) => {
      outcome.bytes += bytes;
      const secs = Number(process.hrtime.bigint() - started) / 1e9;
      bar?.update(outcome.bytes, { done, entities: stats.entities, mbps: (outcome.bytes / 1e6 / Math.max(secs, 1e-3)).toFixed(1) });
    };
    for (const file of files) {
      const rel = relative(input, file);
      const ok = await one(file, rel, join(opts.out, rel), tick);
      done += 1;
      tick(0);
      if (!ok && opts.strict) break;
    }
    bar?.stop();
  }
  outcome.seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return outcome;
}

/** The end-of-run summary: entities by type, files, throughput. */
export function formatSummary(o: RedactOutcome): string {
  const lines = ['', 'type             redacted'];
  for (const [type, n] of [...o.stats.byType.entries()].sort((a, b) => b[1] - a[1])) lines.push(`${type.padEnd(16)} ${String(n).padStart(8)}`);
  lines.push(`${'total'.padEnd(16)} ${String(o.stats.entities).padStart(8)}`);
  const mb = o.bytes / 1e6;
  lines.push(`files: ${o.files} (${o.failedFiles} with errors, ${o.skipped} skipped: unknown extension), errors: ${o.failures}, ${mb.toFixed(1)} MB in ${o.seconds.toFixed(1)} s (${(mb / Math.max(o.seconds, 1e-3)).toFixed(1)} MB/s)`);
  return lines.join('\n') + '\n';
}
