import { createWorker, type Worker } from '../jobs/index.js';
import { REENCRYPT_JOB, reencryptJobHandler } from '../vault/index.js';
import type { Services } from './compose.js';

/**
 * The background worker of this server: takes durable jobs from the PostgreSQL queue (any server's
 * worker may take any job, SKIP LOCKED) and runs periodic tasks. Audit checkpoints are written
 * every N events by the log itself; this timer seals quiet chains after T seconds as well.
 */
export function createServerWorker(services: Services, log: (what: string, summary: string) => void): Worker {
  const { db, vault, audit, config, calls } = services;
  return createWorker({
    db,
    leaseSeconds: config.jobLeaseSeconds,
    concurrency: config.workerConcurrency,
    handlers: {
      [REENCRYPT_JOB]: reencryptJobHandler({ db, vault, audit }),
      ...calls.jobHandlers,
    },
    periodic: [
      { name: 'calls.retention', everyMs: 60_000, run: async () => void (await calls.purgeExpiredOriginals()) },
      {
        name: 'audit.checkpoint',
        everyMs: Math.max(1000, Math.min(config.auditCheckpointSeconds * 1000, 60_000)),
        run: async () => {
          await audit.checkpointStale(db, config.auditCheckpointSeconds);
        },
      },
      ...(config.detection.enabled
        ? [{ name: 'detection.scan', everyMs: config.detection.scanSeconds * 1000, run: async () => void (await services.detection.scan()) }]
        : []),
      // Heartbeat of this node's payment sessions, and the end of sessions whose node is gone.
      { name: 'payments.sweep', everyMs: 10_000, run: async () => void (await services.payments.sweep()) },
      { name: 'incidents.reminders', everyMs: 60_000, run: async () => void (await services.incidents.sendReminders()) },
      // Retention: every class past its days, per brand, in batches; legal holds skip; a report per run.
      { name: 'retention.purge', everyMs: 3_600_000, run: async () => void (await services.retention.runScheduled()) },
      // Recertification campaigns past their deadline: unanswered items removed (or kept), evidence written.
      { name: 'recertification.close', everyMs: 60_000, run: async () => void (await services.recertification.closeDue()) },
      // Vendors past their review date and expired certifications: one alert per vendor per condition.
      { name: 'vendors.review_check', everyMs: 3_600_000, run: async () => void (await services.vendors.raiseAlerts()) },
    ],
    onError: log,
  });
}
