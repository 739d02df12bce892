import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import { openDatabase } from '../db/index.js';
import type { Db } from '../db/types.js';
import { buildApp } from '../http/app.js';
import type { Worker } from '../jobs/index.js';
import { startRtpListener, type RtpListener } from '../payments/index.js';
import { composeServices, type ComposeOptions, type Services } from './compose.js';
import { seedDemoCalls } from './demo-calls/index.js';
import { firstStart, firstStartBanner } from './first-start.js';
import { seedPgliteFromTemplate } from './pglite-template.js';
import { onShutdownSignal } from './shutdown.js';
import { createServerWorker } from './workers.js';

export interface CallvaultServer {
  app: FastifyInstance;
  services: Services;
  worker: Worker;
  /** The UDP listener for RFC 4733 keypresses (null unless CALLVAULT_PAYMENT_RTP_PORT is set). */
  rtp: RtpListener | null;
  /** Stops taking requests, waits for in-flight ones, stops the worker, closes the database. */
  close(): Promise<void>;
}

/**
 * config → database (migrated) → vault → audit → access → HTTP, plus this node's job worker.
 * Not listening yet: `startServer` listens; the scale-out test builds two of these on one database.
 */
export async function createServer(config: Config, opts: ComposeOptions & { consoleDir?: string | false; db?: Db } = {}): Promise<CallvaultServer> {
  if (!opts.db && !config.databaseUrl) await seedPgliteFromTemplate(config.dataDir);
  const db = opts.db ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  const services = await composeServices(db, config, opts);
  const app = await buildApp(services, opts.consoleDir === undefined ? {} : { consoleDir: opts.consoleDir });
  const worker = createServerWorker(services, (what, summary) => app.log.warn({ job: what, error: summary }, 'background task failed'));
  // RFC 4733 keypresses forked by the telephony platform, when a UDP port is configured.
  const rtp = config.payments.rtp
    ? await startRtpListener({ db, ...config.payments.rtp, press: (brandId, callRef, key) => services.payments.pressForCall(brandId, callRef, key, 'rtp') })
    : null;
  return {
    app,
    services,
    worker,
    rtp,
    async close() {
      await rtp?.close();
      await app.close();
      await worker.stop();
      // Sessions held here end now (failed/node_stopped): their digits die with this process.
      await services.payments.stop();
      // Another node takes detection over at once instead of after the lease runs out.
      await services.detection.release().catch(() => undefined);
      services.notifier.close();
      if (!opts.db) await db.close();
    },
  };
}

/** `callvault serve`: start, seed on first start, print where to go, shut down cleanly on a signal. */
export async function startServer(config: Config, opts: { startedAt: number }): Promise<CallvaultServer> {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  let server: CallvaultServer;
  try {
    server = await createServer(config);
    const seeded = await firstStart(server.services.access);
    if (seeded) await seedDemoCalls(server.services.calls, seeded.brandId);
    await server.app.listen({ port: config.port, host: config.host });
    server.worker.start();
    if (seeded) out(firstStartBanner(seeded, config.publicUrl));
  } catch (err) {
    process.stderr.write(`callvault: could not start: ${startupProblem(err, config)}\n`);
    process.exit(1);
  }
  // performance.now() counts from process start, so module loading is included; CPU time shows
  // how much of the wait was work rather than a busy machine.
  const cpu = process.cpuUsage();
  out(
    `callvault ready in ${Math.round(performance.now())} ms (cpu ${Math.round((cpu.user + cpu.system) / 1000)} ms, serve command ${Math.round(performance.now() - opts.startedAt)} ms): ` +
      `console and API at ${config.publicUrl} (database: ${config.databaseUrl ? 'PostgreSQL' : 'embedded PGlite'})`,
  );
  onShutdownSignal(() => server.close(), (msg) => out(`callvault: ${msg}`));
  return server;
}

/** A start-up failure in words a person can act on; no stack, no connection string (it may hold a password). */
function startupProblem(err: unknown, config: Config): string {
  const e = err as { code?: string; message?: string; name?: string };
  if (e?.code === 'EADDRINUSE') return `port ${config.port} is in use (set PORT)`;
  if (e?.code === 'EACCES') return `no permission to listen on port ${config.port} (set PORT)`;
  if (e?.code === 'ECONNREFUSED' || e?.code === 'ENOTFOUND') return 'the database at DATABASE_URL is not reachable';
  if (e?.code === '28P01' || e?.code === '3D000') return 'the database at DATABASE_URL refused the login or does not exist';
  if (e?.name === 'CallvaultError') return e.message ?? 'error';
  return `${e?.name ?? 'error'}${e?.code ? ` (${e.code})` : ''}`;
}
