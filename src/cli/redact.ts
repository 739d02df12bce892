import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { createRedactor, FORMAT_NAMES, type FormatName } from '../redaction/index.js';
import { safeReason } from './redact-errors.js';
import { formatSummary, runRedact } from './redact-run.js';

interface RedactFlags {
  format?: string;
  policy?: string;
  out?: string;
  spans?: string;
  strict?: boolean;
  hashKeyEnv?: string;
  summary?: boolean;
}

/**
 * `callvault redact <file|dir|->`: redacts transcripts in their own format (detected, or --format).
 * Exit code 1 when any file or line failed, 2 when the run could not start (bad policy, bad flag).
 */
export function registerRedactCommand(program: Command): void {
  program
    .command('redact')
    .description('redact PII and card data in a transcript file, a directory (recursively) or stdin (-)')
    .argument('<input>', 'a file, a directory, or - for stdin')
    .option('--format <format>', `input format: ${[...FORMAT_NAMES, 'jsonl'].join(', ')} (default: detected)`)
    .option('--policy <file>', 'redaction policy JSON (docs/policy.schema.json)')
    .option('--out <path>', 'output file, or output directory for a directory input (default: stdout)')
    .option('--spans <file>', 'write the audio time spans of redacted words here (timed formats; default <out>.timespans.json)')
    .option('--strict', 'stop at the first bad file or line')
    .option('--hash-key-env <name>', 'environment variable holding the HMAC key for the hash operator')
    .option('--no-summary', 'do not print the summary by type')
    .action(async (input: string, flags: RedactFlags) => {
      let redactor;
      try {
        if (flags.format !== undefined && ![...FORMAT_NAMES, 'jsonl'].includes(flags.format)) throw new Error(`unknown --format ${flags.format}`);
        const policy = flags.policy === undefined ? undefined : readFileSync(flags.policy, 'utf8');
        const hashKey = flags.hashKeyEnv === undefined ? undefined : process.env[flags.hashKeyEnv];
        if (flags.hashKeyEnv !== undefined && !hashKey) throw new Error(`environment variable ${flags.hashKeyEnv} is not set`);
        redactor = createRedactor(policy, hashKey ? { hashKey } : {});
      } catch (err) {
        process.stderr.write(`error: ${err instanceof Error && !(err instanceof SyntaxError) && err.constructor === Error ? err.message : safeReason(err)}\n`);
        process.exitCode = 2;
        return;
      }
      const outcome = await runRedact(
        input,
        redactor,
        {
          ...(flags.format ? { format: flags.format as FormatName | 'jsonl' } : {}),
          ...(flags.out ? { out: flags.out } : {}),
          ...(flags.spans ? { spans: flags.spans } : {}),
          strict: flags.strict === true,
        },
        { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, progress: process.stderr.isTTY === true },
      ).catch((err: unknown) => {
        process.stderr.write(`error: ${err instanceof Error && err.constructor === Error ? err.message : safeReason(err)}\n`);
        process.exitCode = 2;
        return undefined;
      });
      if (!outcome) return;
      if (flags.summary !== false && (flags.out !== undefined || outcome.files > 1)) process.stderr.write(formatSummary(outcome));
      if (outcome.failures > 0) process.exitCode = 1;
    });
}
