import { createReadStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import { readDocument, type Redactor } from '../redaction/index.js';
import type { RedactStats } from './redact-run.js';
import { safeReason } from './redact-errors.js';

export interface LineFailure {
  line: number;
  reason: string;
}

/**
 * Redacts a JSONL archive line by line (readline, one line in memory at a time, writes wait for
 * the output to drain), so an archive larger than memory streams with flat memory. Each line is a
 * JSON transcript (callvault conversation `{id, turns}` / `{id, text}`, chat, AWS, Deepgram). A bad
 * line is reported by number and, unless `strict`, left out of the output while the run goes on.
 */
export async function redactJsonlStream(
  input: NodeJS.ReadableStream | string,
  output: Writable,
  redactor: Redactor,
  stats: RedactStats,
  options: { strict: boolean; onFailure: (f: LineFailure) => void; onProgress?: (bytes: number) => void },
): Promise<number> {
  const stream = typeof input === 'string' ? createReadStream(input, { highWaterMark: 1 << 20 }) : input;
  const rl = createInterface({ input: stream, crlfDelay: Infinity });
  let lineNo = 0;
  let failures = 0;
  for await (const line of rl) {
    lineNo += 1;
    options.onProgress?.(Buffer.byteLength(line) + 1);
    if (line.trim() === '') continue;
    let out: string;
    try {
      const trimmed = line.trim();
      const doc = readDocument(trimmed);
      if (doc.format === 'text') throw new SyntaxError('not JSON');
      const r = await redactor.redact(doc.turns);
      out = doc.write(r.edits);
      stats.count(r.edits);
    } catch (err) {
      failures += 1;
      options.onFailure({ line: lineNo, reason: safeReason(err) });
      if (options.strict) {
        rl.close();
        break;
      }
      continue;
    }
    if (!output.write(out + '\n')) await once(output, 'drain');
  }
  return failures;
}
