import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createAccessServices, type AccessLimits } from '../access/index.js';
import { createAlertService, createDetectionMonitor } from '../anomalies/index.js';
import { createAuditLog, createAuditService } from '../audit/index.js';
import { createAudioRecordingRedactor } from '../calls/audio-recordings.js';
import { createCallServices, type CallsLimits } from '../calls/index.js';
import { createComplianceService } from '../compliance/index.js';
import { createIncidentService, createNotifier } from '../incidents/index.js';
import type { Config } from '../config.js';
import type { Db } from '../db/types.js';
import type { AppServices } from '../http/services.js';
import { createPaymentService, nodeIdOf, processorFor } from '../payments/index.js';
import { createRetentionService } from '../retention/index.js';
import { createSubjectRequestService } from '../subject-requests/index.js';
import { createAnsweringService, createQuestionnaireService } from '../questionnaires/index.js';
import { createRecertService } from '../recertification/index.js';
import { createTrainingService, trainingAssignmentGate } from '../training/index.js';
import { createLocalObjectStore } from '../storage/index.js';
import { createVendorService } from '../vendors/index.js';
import { createKeyService, createVault, openLocalKms } from '../vault/index.js';

export interface ComposeOptions {
  /** The clock every service reads (sessions, lockout, TOTP, audit timestamps); tests move it. */
  clock?: () => Date;
  accessLimits?: Partial<AccessLimits>;
  callsLimits?: Partial<CallsLimits>;
}

export type Services = AppServices;

/**
 * The composition root, in dependency order: vault (KEK from the key file, created 0600 on first
 * start, or CALLVAULT_KEK) → audit log → access → calls (with the object store). Each module gets what it needs as arguments;
 * none reads the environment. The database is opened (and migrated) by the caller.
 */
export async function composeServices(db: Db, config: Config, opts: ComposeOptions = {}): Promise<Services> {
  const kms = await openLocalKms({ keysDir: join(config.dataDir, 'keys'), kekBase64: config.kekBase64 });
  const vault = createVault({ kms });
  const audit = createAuditLog({ vault, checkpointEvery: config.auditCheckpointEvery, ...(opts.clock && { now: opts.clock }) });
  const access = createAccessServices({
    db,
    vault,
    audit,
    config,
    ...(opts.clock && { clock: opts.clock }),
    ...(opts.accessLimits && { limits: opts.accessLimits }),
    // A brand's required training is checked by access before any assignment (access never imports training).
    assignmentGate: trainingAssignmentGate(opts.clock ?? (() => new Date())),
  });
  const keys = createKeyService({ db, vault, audit });
  const auditService = createAuditService({ db, audit });
  // Recordings (sealed) live in the object store: a folder beside the database by default.
  const store = createLocalObjectStore(join(config.dataDir, 'objects'));
  const calls = createCallServices(
    { db, vault, audit, store, ...(opts.clock && { clock: opts.clock }), ...(opts.callsLimits && { limits: opts.callsLimits }) },
    createAudioRecordingRedactor(),
  );
  const alerts = createAlertService({ db, audit, ...(opts.clock && { now: opts.clock }) });
  const notifier = createNotifier(config.notify);
  const incidents = createIncidentService({ db, vault, audit, access, settings: config.incidents, notifier, publicUrl: config.publicUrl, ...(opts.clock && { now: opts.clock }) });
  const detection = createDetectionMonitor({ db, audit, onRaised: async (raised) => void (await incidents.autoOpen(raised)), ...(opts.clock && { now: opts.clock }) });
  const ca = config.payments.caFile ? await readFile(config.payments.caFile) : undefined;
  const payments = createPaymentService({
    db,
    vault,
    audit,
    nodeId: nodeIdOf(),
    ...(ca && { ca }),
    processorFor: processorFor({ db, vault, ...(ca && { ca }) }),
    timings: { chargeTimeoutMs: config.payments.chargeTimeoutMs, pauseMs: config.payments.pauseMs },
    ...(opts.clock && { now: opts.clock }),
  });
  await payments.start();
  // Erasure deletes a call's objects too, so the service gets the object store.
  const subjectRequests = createSubjectRequestService({ db, vault, audit, store, ...(opts.clock && { now: opts.clock }) });
  const recertification = createRecertService({ db, audit, ...(opts.clock && { now: opts.clock }) });
  const training = createTrainingService({ db, audit, ...(opts.clock && { now: opts.clock }) });
  // Purges delete calls' objects too, so the service gets the object store.
  const retention = createRetentionService({ db, vault, audit, store, ...(opts.clock && { now: opts.clock }) });
  // Evidence files are sealed in the object store beside the recordings.
  const vendors = createVendorService({ db, vault, audit, store, ...(opts.clock && { now: opts.clock }) });
  // The compliance report reads every module's evidence live (and verifies the audit chain).
  const compliance = createComplianceService({ db, audit, ...(opts.clock && { now: opts.clock }) });
  const questionnaires = createQuestionnaireService({ db, vault, audit, publicUrl: config.publicUrl, ...(opts.clock && { now: opts.clock }) });
  const questionnaireAnswers = createAnsweringService({ db, vault, audit, rateLimiter: access.rateLimiter, ...(opts.clock && { now: opts.clock }) });
  return { config, db, access, vault, audit, auditService, keys, calls, alerts, detection, incidents, notifier, payments, recertification, questionnaires, questionnaireAnswers, training, subjectRequests, retention, vendors, compliance };
}
