import { createReadStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Command } from 'commander';
import { parsePolicy } from '../redaction/policy.js';
import type { Policy } from '../redaction/types.js';
import { detectStream } from './detect.js';

/** The repository root, from src/cli or dist/cli. */
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DEFAULT_EVAL_DATA = resolve(REPO_ROOT, '../shared/eval/data');
/** Our own generated sets, each written apart from the engine, to check that dev accuracy carries over. */
export const HELDOUT_EVAL_DATA = [resolve(REPO_ROOT, 'eval/heldout'), resolve(REPO_ROOT, 'eval/heldout2'), resolve(REPO_ROOT, 'eval/heldout3'), resolve(REPO_ROOT, 'eval/heldout4')];

interface Scorer {
  score(gold: unknown[], pred: unknown[], options?: { byLine?: boolean }): unknown;
  readJsonl(path: string): unknown[];
  formatReport(report: unknown): string;
}

/** Runs the engine over one gold file (the detect JSONL contract) and scores it with the shared scorer. */
export async function evaluateFile(scorer: Scorer, file: string, policy?: Policy): Promise<{ report: unknown; byLine: boolean; seconds: number }> {
  const gold = scorer.readJsonl(file) as { id: unknown }[];
  const preds: unknown[] = [];
  const started = process.hrtime.bigint();
  await detectStream(createReadStream(file), (line) => preds.push(JSON.parse(line)), policy);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // Files holding several lines per id (hvb-dev: two transcript views of one call) pair by line.
  const byLine = new Set(gold.map((g) => g.id)).size !== gold.length;
  return { report: scorer.score(gold, preds, { byLine }), byLine, seconds };
}

/** `callvault eval` (npm run eval): the scorer's table for every file in the eval data folder. */
export function registerEvalCommand(program: Command): void {
  program
    .command('eval')
    .description('run the redaction engine over every ../shared/eval/data/*.jsonl and eval/heldout*/*.jsonl and print the scorer table for each')
    .option('--data <dirs...>', 'folders of gold JSONL files', [DEFAULT_EVAL_DATA, ...HELDOUT_EVAL_DATA])
    .option('--scorer <file>', 'the scorer module', join(DEFAULT_EVAL_DATA, '..', 'score.mjs'))
    .option('--only <name>', 'only files whose name contains this')
    .option('--policy <file>', 'redaction policy JSON')
    .option('--json', 'print the scorer reports as JSON')
    .action(async (opts: { data: string[]; scorer: string; only?: string; policy?: string; json?: boolean }) => {
      const scorerPath = opts.scorer;
      if (!existsSync(scorerPath)) {
        process.stderr.write(`error: no scorer at ${scorerPath} (pass --scorer <shared/eval/score.mjs>)\n`);
        process.exitCode = 2;
        return;
      }
      const scorer = (await import(pathToFileURL(scorerPath).href)) as Scorer;
      const policy = opts.policy === undefined ? undefined : parsePolicy(readFileSync(opts.policy, 'utf8'));
      const files = opts.data.flatMap((dir) =>
        readdirSync(dir)
          .filter((f) => f.endsWith('.jsonl') && (opts.only === undefined || f.includes(opts.only)))
          .sort()
          .map((name) => ({ name, path: join(dir, name) })),
      );
      const all: Record<string, unknown> = {};
      for (const { name, path } of files) {
        const { report, byLine, seconds } = await evaluateFile(scorer, path, policy);
        all[name] = report;
        if (!opts.json) process.stdout.write(`\n== ${name}${byLine ? ' (--by-line)' : ''}  [${seconds.toFixed(2)} s]\n${scorer.formatReport(report)}\n`);
      }
      if (opts.json) process.stdout.write(`${JSON.stringify(all, null, 2)}\n`);
    });
}
