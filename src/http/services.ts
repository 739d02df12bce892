import type { AccessServices } from '../access/index.js';
import type { AlertService, DetectionMonitor } from '../anomalies/index.js';
import type { AuditService, ChainedAuditLog } from '../audit/index.js';
import type { CallServices } from '../calls/index.js';
import type { ComplianceService } from '../compliance/index.js';
import type { IncidentService, Notifier } from '../incidents/index.js';
import type { Config } from '../config.js';
import type { Db } from '../db/types.js';
import type { PaymentService } from '../payments/index.js';
import type { RetentionService } from '../retention/index.js';
import type { SubjectRequestService } from '../subject-requests/index.js';
import type { AnsweringService, QuestionnaireService } from '../questionnaires/index.js';
import type { RecertService } from '../recertification/index.js';
import type { TrainingService } from '../training/index.js';
import type { VendorService } from '../vendors/index.js';
import type { KeyService, VaultService } from '../vault/index.js';

/** What the HTTP layer is given by the composition root (src/server): config, storage and each module's services. */
export interface AppServices {
  config: Config;
  db: Db;
  access: AccessServices;
  vault: VaultService;
  audit: ChainedAuditLog;
  auditService: AuditService;
  keys: KeyService;
  calls: CallServices;
  alerts: AlertService;
  /** This node's share of continuous detection (scans run by the worker when it holds the lease). */
  detection: DetectionMonitor;
  incidents: IncidentService;
  notifier: Notifier;
  /** Payment sessions; this node holds the ones it created (their digits live in its memory). */
  payments: PaymentService;
  /** Retention policies, legal holds and purge runs. */
  retention: RetentionService;
  /** Data-subject requests (GDPR access / erasure, CCPA know / delete). */
  subjectRequests: SubjectRequestService;
  /** Access recertification campaigns (PCI DSS 7.2.4). */
  recertification: RecertService;
  /** Vendor security questionnaires: reviewers' side, and the vendor's side through its link. */
  questionnaires: QuestionnaireService;
  questionnaireAnswers: AnsweringService;
  /** Security training records and brand requirements. */
  training: TrainingService;
  /** Vendor registry: contacts, brands touched, keys and users, certifications, evidence, reviews, revocation. */
  vendors: VendorService;
  /** The compliance report per brand, with live evidence. */
  compliance: ComplianceService;
}

/** A module's routes: registered under /api/v1 by the app factory, which only lists the modules. */
export type RouteModule = (app: import('./types.js').ZodApp, services: AppServices) => void;
