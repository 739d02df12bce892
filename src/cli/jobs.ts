import type { Command } from 'commander';
import { listJobs, type JobStatus } from '../jobs/index.js';
import { composeServices } from '../server/compose.js';
import { createServerWorker } from '../server/workers.js';
import { processIo, UsageError, withOperations, type Io } from './operations-context.js';

const STATUSES: readonly JobStatus[] = ['queued', 'running', 'succeeded', 'failed'];

/** `callvault jobs list|work`: the durable queue's status, and a worker any node can run. */
export function registerJobsCommands(program: Command, io: Io = processIo): void {
  const jobs = program.command('jobs').description('background jobs (durable queue in the database)');

  jobs
    .command('list')
    .description('recent jobs with status, attempts and progress')
    .option('--status <status>', STATUSES.join('|'))
    .option('--type <type>', 'job type, e.g. vault.reencrypt')
    .option('--limit <n>', 'how many (default 50)', '50')
    .action(async (flags: { status?: string; type?: string; limit: string }) => {
      await withOperations(io, async ({ db }) => {
        if (flags.status !== undefined && !STATUSES.includes(flags.status as JobStatus)) throw new UsageError(`--status must be one of ${STATUSES.join(', ')}`);
        const rows = await listJobs(db, {
          ...(flags.status && { status: flags.status as JobStatus }),
          ...(flags.type && { type: flags.type }),
          limit: Number(flags.limit) || 50,
        });
        io.out(`${'id'.padStart(6)}  ${'type'.padEnd(18)} ${'status'.padEnd(10)} ${'tries'.padStart(5)}  ${'progress'.padEnd(14)} ${'created'.padEnd(24)} error\n`);
        for (const j of rows) {
          const progress = j.progress ? `${j.progress.done}/${j.progress.total ?? '?'}` : '-';
          io.out(`${String(j.id).padStart(6)}  ${j.type.padEnd(18)} ${j.status.padEnd(10)} ${`${j.attempts}/${j.maxAttempts}`.padStart(5)}  ${progress.padEnd(14)} ${j.createdAt.toISOString().padEnd(24)} ${j.lastError ?? ''}\n`);
        }
        return 0;
      });
    });

  jobs
    .command('work')
    .description('run a worker node: every job type the server runs (call redaction, re-encryption) and its periodic tasks; Ctrl-C stops it at a safe point')
    .option('--until-idle', 'exit once no job is ready')
    .action(async (flags: { untilIdle?: boolean }) => {
      await withOperations(io, async ({ db, config }) => {
        // The same services and handlers as `callvault serve`, without HTTP: redaction scales out by
        // adding worker processes next to the servers (jobs are taken with FOR UPDATE SKIP LOCKED).
        const services = await composeServices(db, config);
        const worker = createServerWorker(services, (what, summary) => io.err(`${what}: ${summary}\n`));
        try {
          if (flags.untilIdle) {
            io.out(`${await worker.runUntilIdle()} job(s) run\n`);
            return 0;
          }
          worker.start();
          io.out(`worker ${worker.workerId} running\n`);
          await new Promise<void>((resolve) => {
            process.once('SIGINT', resolve);
            process.once('SIGTERM', resolve);
          });
          await worker.stop();
          return 0;
        } finally {
          await services.payments.stop();
        }
      });
    });
}
