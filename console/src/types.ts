/** Shapes of the HTTP API v1 answers (docs/api.md), as the console reads them. */

// Roles and actions are declared once, as data, by the access module; the console reuses that table.
export { ACTIONS, ROLES, type Action, type Role } from '../../src/access/permissions.js';
import type { Role } from '../../src/access/permissions.js';

export type AuthStatus = 'ok' | 'mfa_required' | 'mfa_enrollment_required' | 'password_change_required';
export type MfaMethod = 'totp' | 'webauthn' | 'recovery';

export interface AuthResult {
  status: AuthStatus;
  methods?: MfaMethod[];
}

/** Answer of the enrollment confirmations: recovery codes (once) and the sign-in step reached. */
export interface EnrollmentResult extends AuthResult {
  recoveryCodes?: string[];
}

export interface Assignment {
  brandId: string;
  role: Role;
  brandName?: string;
}

export interface Me {
  user: {
    id: string;
    email: string;
    displayName: string;
    isSecurityAdmin: boolean;
    assignments: Required<Assignment>[];
  };
  mfa: { totp: boolean; passkeys: number };
}

export interface Brand {
  id: string;
  name: string;
  agentMfaRequired: boolean;
  createdAt: string;
}

export interface User {
  id: string;
  email: string;
  displayName: string;
  isSecurityAdmin: boolean;
  locked: boolean;
  mfaEnrolled: boolean;
  assignments: Assignment[];
}

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface AuditActor {
  kind: string;
  id: string;
}

export interface AuditEvent {
  /** The hash chain the event belongs to (one per brand, one for installation-wide events). */
  chainId: string;
  seq: number;
  brandId: string | null;
  at: string;
  actor: AuditActor;
  action: string;
  target: { type: string; id: string } | null;
  outcome: string;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export interface AuditPage {
  items: AuditEvent[];
  nextBefore: string | null;
}

export interface ChainProblem {
  seq: number | null;
  kind: string;
  message: string;
}

export interface ChainStatus {
  ok: boolean;
  events: number;
  checkpoints: number;
  problems: ChainProblem[];
}

export interface AuditQuery {
  brandId?: string;
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
  limit?: number;
  before?: string;
}

export type CallStatus = 'received' | 'processing' | 'ready' | 'failed';

export interface CallSummary {
  id: string;
  brandId: string;
  externalId: string;
  agentRef: string | null;
  startedAt: string | null;
  endedAt: string | null;
  channels: number;
  sourceFormat: string;
  hasRecording: boolean;
  status: CallStatus;
  failureCode: string | null;
  turnCount: number | null;
  redactionCount: number | null;
  redactionTypes: string[];
  sentiment: number | null;
  durationSeconds: number | null;
  originalKeptUntil: string | null;
  createdAt: string;
}

export type ReviewPart = { text: string; redacted?: string };

export interface ReviewTurn {
  speaker: string | null;
  channel: number | null;
  startTime: number | null;
  endTime: number | null;
  parts: ReviewPart[];
  sentiment: number;
}

export interface RedactedRegion {
  channel: number;
  start: number;
  end: number;
  kind: 'speech' | 'dtmf';
  type?: string;
}

export interface CallView extends CallSummary {
  review: {
    format: string;
    turns: ReviewTurn[];
    regions: RedactedRegion[];
    waveform: { bucketSeconds: number; channels: number[][] };
    counts: Record<string, number>;
  } | null;
  scorecards: { id: string; reviewerId: string; score: number; notes: string; createdAt: string }[];
}

export interface CallQuery {
  brandId?: string;
  status?: CallStatus;
  agent?: string;
  from?: string;
  to?: string;
  limit?: number;
  before?: string;
}

export interface RedactionSettings {
  brandId: string;
  policy: Record<string, unknown>;
  keepOriginalDays: number | null;
  audioMode: 'silence' | 'tone';
  maskDtmf: boolean;
  version: number;
  updatedAt: string | null;
}

export type AlertStatus = 'new' | 'acknowledged' | 'dismissed' | 'incident';
export interface Alert {
  id: string;
  raisedAt: string;
  actor: { kind: string; id: string };
  role: string;
  brandIds: string[];
  severity: 'medium' | 'high' | 'critical';
  score: number;
  rules: string[];
  reasons: string[];
  evidence: string[];
  firstEventAt: string;
  lastEventAt: string;
  status: AlertStatus;
  statusBy: string | null;
  incidentId: string | null;
}

export const INCIDENT_STATUSES = ['open', 'triage', 'contained', 'eradicated', 'recovered', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export const PLAYBOOKS = ['account_compromise', 'data_exfiltration', 'lost_device', 'vendor_breach', 'payment_data_exposure'] as const;
export type Playbook = (typeof PLAYBOOKS)[number];
export type IncidentSeverity = 'low' | 'medium' | 'high' | 'critical';

export interface IncidentClock {
  kind: string;
  label: string;
  hours: number;
  startedAt: string;
  dueAt: string;
  metAt: string | null;
  metBy: string | null;
  state: { status: 'running' | 'overdue' | 'met' | 'met_late'; remainingMs: number; elapsed: number };
}

export interface Incident {
  id: string;
  number: number;
  title: string;
  summary: string | null;
  playbook: Playbook;
  playbookTitle: string;
  severity: IncidentSeverity;
  status: IncidentStatus;
  source: 'alert' | 'automatic' | 'reported';
  ownerId: string | null;
  suspect: { kind: 'user' | 'api_key'; id: string } | null;
  windowFrom: string;
  windowTo: string | null;
  brandIds: string[];
  awareAt: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  tasks: { position: number; title: string; doneAt: string | null; doneBy: string | null }[];
  clocks: IncidentClock[];
  alertIds: string[];
}

export interface TimelineEntry {
  at: string;
  kind: string;
  text: string;
  actor: string | null;
  ref: string | null;
}

export interface BlastRadius {
  actor: { kind: string; id: string };
  from: string;
  to: string;
  totalRecords: number;
  deniedAttempts: number;
  brands: { brandId: string; calls: number; payments: number; customers: number; records: { type: string; id: string; actions: string[]; events: number; firstAt: string; lastAt: string }[] }[];
}

export type PaymentState = 'collecting' | 'ready' | 'processing' | 'succeeded' | 'declined' | 'failed' | 'cancelled' | 'expired';
export type PaymentField = 'card_number' | 'expiry' | 'security_code' | 'postal_code';

export interface PaymentFieldProgress {
  status: 'pending' | 'collecting' | 'valid' | 'invalid';
  digits: number;
  attempts: number;
  problem: string | null;
}

/** What a screen may know of a payment while it is keyed: counts, network, valid or not, the last four. */
export interface PaymentView {
  state: PaymentState;
  progress: {
    current: PaymentField | null;
    fields: Partial<Record<PaymentField, PaymentFieldProgress>>;
    cardBrand: string;
    lastFour: string | null;
    expectedDigits: number | null;
  };
  maskedCard: string | null;
  cardBrand: string;
  reason: string | null;
  processorReference: string | null;
}

export interface Payment extends PaymentView {
  id: string;
  brandId: string;
  callRef: string;
  agentId: string | null;
  amountMinor: number;
  currency: string;
  description: string;
  tokenId: string | null;
  version: number;
  expiresAt: string;
  createdAt: string;
  endedAt: string | null;
}

// Access recertification (docs/recertification.md).
export type RecertDecision = 'confirmed' | 'removed' | 'removed_at_deadline' | 'kept_unanswered';
export interface RecertCampaign {
  id: string;
  status: 'open' | 'completed';
  atDeadline: 'remove' | 'keep';
  deadline: string;
  openedBy: string;
  openedAt: string;
  closedAt: string | null;
  closedBy: string | null;
  brandIds: string[];
  counts: { items: number; open: number; confirmed: number; removed: number; removedAtDeadline: number; keptUnanswered: number };
}
export interface RecertItem {
  id: string;
  campaignId: string;
  brandId: string;
  kind: 'user_role' | 'api_key';
  subjectId: string;
  role: string | null;
  label: string | null;
  detail: string | null;
  decision: RecertDecision | null;
  note: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
}
export interface RecertBrandStatus {
  brandId: string;
  lastCompletedCampaignId: string | null;
  lastCompletedAt: string | null;
  nextDueAt: string | null;
  overdue: boolean;
  openCampaignId: string | null;
}

// Security training (docs/training.md).
export type TrainingStatus = 'current' | 'expiring' | 'expired' | 'missing';
export interface TrainingModule {
  id: string;
  title: string;
  validityMonths: number;
  createdAt: string;
}
export interface TrainingModuleStatus {
  moduleId: string;
  status: TrainingStatus;
  required: boolean;
  completedAt: string | null;
  expiresAt: string | null;
}
export interface BrandTraining {
  brandId: string;
  requiredModules: string[];
  coveragePercent: number;
  people: { userId: string; role: Role; modules: TrainingModuleStatus[] }[];
}
