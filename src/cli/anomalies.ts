import type { Command } from 'commander';
import { AnomaliesInputError, formatReport, runAnomalies, runSimulate, type AnomaliesIo } from './anomalies-run.js';

const io = (): AnomaliesIo => ({ stdout: process.stdout, stderr: process.stderr, progress: process.stderr.isTTY === true });

function intFlag(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new AnomaliesInputError(`${name} must be a whole number from ${min} to ${max}`);
  return n;
}

/** Exit 2 when the run could not start or the input is bad; the message names the file and line. */
function failed(err: unknown): void {
  const message = err instanceof AnomaliesInputError ? err.message : `could not run (${err instanceof Error ? err.name : 'error'})`;
  process.stderr.write(`error: ${message}\n`);
  process.exitCode = 2;
}

/** `callvault anomalies` (replay audit events through the detector) and `callvault simulate`. */
export function registerAnomaliesCommands(program: Command): void {
  program
    .command('anomalies')
    .description('replay audit events (JSONL as `callvault audit export --format jsonl` writes, in time order) through the unusual-access detector; prints alerts as JSONL')
    .requiredOption('--events <file>', 'audit events, one JSON object per line')
    .option('--directory <file>', 'roles and brands of users and API keys ([{id, kind, role, brands}]), for peer groups')
    .option('--labels <file>', 'labelled attacks (labels.json of `callvault simulate --out`): also print precision, recall and time to detect')
    .option('--out <file>', 'write the alerts here instead of standard output')
    .option('--json', 'print the evaluation as JSON')
    .action(async (flags: { events: string; directory?: string; labels?: string; out?: string; json?: boolean }) => {
      try {
        const r = await runAnomalies(flags, io());
        process.stderr.write(`${r.events} events scored in ${r.seconds.toFixed(1)} s (${Math.round(r.events / Math.max(r.seconds, 1e-6))} a second), ${r.alerts.length} alerts\n`);
        if (r.report) process.stderr.write(`${flags.json ? JSON.stringify(r.report, null, 1) : formatReport(r.report)}\n`);
      } catch (err) {
        failed(err);
      }
    });

  program
    .command('simulate')
    .description('generate weeks of contact-center audit traffic with labelled attacks; --evaluate scores the detector on it')
    .option('--users <n>', 'people on the floor', '400')
    .option('--weeks <n>', 'weeks of traffic', '4')
    .option('--seed <n>', 'random seed (same seed, same traffic)', '1')
    .option('--per-kind <n>', 'attacks of each kind', '3')
    .option('--out <dir>', 'write events.jsonl, directory.json and labels.json here')
    .option('--evaluate', 'run the detector and print precision, recall, time to detect and false alerts per 1,000 users a day')
    .option('--json', 'print the evaluation as JSON')
    .action(async (flags: { users: string; weeks: string; seed: string; perKind: string; out?: string; evaluate?: boolean; json?: boolean }) => {
      try {
        const parsed = {
          users: intFlag('--users', flags.users, 20, 100_000),
          weeks: intFlag('--weeks', flags.weeks, 1, 52),
          seed: intFlag('--seed', flags.seed, 0, 2 ** 31),
          perKind: intFlag('--per-kind', flags.perKind, 0, 20),
          evaluate: flags.evaluate === true,
          ...(flags.out !== undefined && { out: flags.out }),
        };
        if (!parsed.evaluate && parsed.out === undefined) throw new AnomaliesInputError('give --out <dir>, --evaluate, or both');
        const r = await runSimulate(parsed, io());
        process.stderr.write(`${r.events} events in ${r.seconds.toFixed(1)} s\n`);
        if (r.report) process.stdout.write(`${flags.json ? JSON.stringify(r.report, null, 1) : formatReport(r.report)}\n`);
      } catch (err) {
        failed(err);
      }
    });
}
