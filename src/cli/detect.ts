import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { detectConversation, detectText } from '../redaction/engine/index.js';
import { parsePolicy } from '../redaction/policy.js';
import type { Finding, Policy, Turn } from '../redaction/types.js';

/**
 * `callvault detect`: the JSONL contract of shared/eval/README.md. One output line per input line,
 * same order; a bad line gets `{id, entities: [], error}` and a stderr message naming the line
 * number only (never its content: it may hold card numbers).
 */
export function registerDetectCommand(program: Command): void {
  program
    .command('detect')
    .description('read JSONL ({id, text} or {id, turns}) on stdin, write detected entities as JSONL on stdout')
    .option('--policy <file>', 'redaction policy JSON (types, minimum scores)')
    .action(async (opts: { policy?: string }) => {
      const policy = opts.policy === undefined ? undefined : parsePolicy(readFileSync(opts.policy, 'utf8'));
      const failed = await detectStream(process.stdin, (line) => process.stdout.write(line + '\n'), policy);
      if (failed > 0) process.exitCode = 1;
    });
}

interface OutEntity {
  type: string;
  start: number;
  end: number;
  turn?: number;
  score: number;
}

/** Processes a JSONL stream; returns the number of bad lines. */
export async function detectStream(input: NodeJS.ReadableStream, write: (line: string) => void, policy?: Policy): Promise<number> {
  const rl = createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0;
  let failed = 0;
  for await (const line of rl) {
    lineNo += 1;
    if (line.trim() === '') {
      write(JSON.stringify({ id: null, entities: [], error: 'empty line' }));
      failed += 1;
      continue;
    }
    const result = detectLine(line, policy);
    if ('error' in result) {
      failed += 1;
      process.stderr.write(`line ${lineNo}: ${result.error}\n`);
    }
    write(JSON.stringify(result));
  }
  return failed;
}

function detectLine(line: string, policy?: Policy): { id: unknown; entities: OutEntity[] } | { id: unknown; entities: []; error: string } {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return { id: null, entities: [], error: 'not valid JSON' };
  }
  if (typeof record !== 'object' || record === null) return { id: null, entities: [], error: 'not a JSON object' };
  const r = record as { id?: unknown; text?: unknown; turns?: unknown };
  const id = r.id ?? null;
  const options = policy === undefined ? {} : { policy };
  try {
    if (Array.isArray(r.turns)) {
      const turns: Turn[] = [];
      for (const t of r.turns as unknown[]) {
        const tt = t as { speaker?: unknown; text?: unknown } | null;
        if (tt === null || typeof tt !== 'object' || typeof tt.text !== 'string') return { id, entities: [], error: 'a turn has no text' };
        turns.push(typeof tt.speaker === 'string' ? { speaker: tt.speaker, text: tt.text } : { text: tt.text });
      }
      return { id, entities: detectConversation(turns, options).map((f) => out(f, true)) };
    }
    if (typeof r.text === 'string') return { id, entities: detectText(r.text, options).map((f) => out(f, false)) };
    return { id, entities: [], error: 'neither text nor turns' };
  } catch (err) {
    return { id, entities: [], error: `detection failed (${err instanceof Error ? err.name : 'error'})` };
  }
}

function out(f: Finding, withTurn: boolean): OutEntity {
  return withTurn ? { type: f.type, start: f.start, end: f.end, turn: f.turn, score: f.score } : { type: f.type, start: f.start, end: f.end, score: f.score };
}
