import type { AuditLog } from '../audit/types.js';
import type { Config } from '../config.js';
import type { Db, Queryable } from '../db/types.js';
import type { Vault } from '../vault/types.js';
import type { Action, Role } from './permissions.js';

/** What the access services need; tests pass real ones (PGlite/PostgreSQL, the vault, the audit log). */
export interface AccessDeps {
  db: Db;
  vault: Vault;
  audit: AuditLog;
  config: Pick<Config, 'publicUrl'>;
  /** Injectable so expiry (sessions, lockout, TOTP steps, API keys) can be tested. */
  clock?: () => Date;
  /** Overrides of the default limits (tests, or an installation that wants stricter values). */
  limits?: Partial<AccessLimits>;
  /**
   * Asked before a user gets a role on a brand (new assignment or changed role), inside the
   * assignment's transaction: `{ missing }` refuses it with access.training_required. Set by the
   * composition root from the training module, so access never imports training.
   */
  assignmentGate?: AssignmentGate;
}

export type AssignmentGate = (q: Queryable, assignment: { userId: string; brandId: string; role: Role }) => Promise<{ missing: string[] } | null>;

export interface AccessLimits {
  /** PCI DSS 8.2.8: re-authenticate after 15 minutes idle. */
  sessionIdleSeconds: number;
  /** Absolute session lifetime (12 h: one working shift). */
  sessionAbsoluteSeconds: number;
  /** A pending session (password done, MFA or password change outstanding) lives this long. */
  pendingSessionSeconds: number;
  /** PCI DSS 8.3.4: lock after at most 10 invalid attempts ... */
  lockoutThreshold: number;
  /** ... for at least 30 minutes. */
  lockoutSeconds: number;
  /** Login attempts per client IP and per email address within `loginWindowSeconds`. */
  loginPerIp: number;
  loginPerEmail: number;
  loginWindowSeconds: number;
  /** MFA attempts per user within `mfaWindowSeconds`. */
  mfaPerUser: number;
  mfaWindowSeconds: number;
}

/** Where a request came from; recorded in audit events (PCI DSS 10.2.2). */
export interface RequestContext {
  ip?: string;
  userAgent?: string;
  requestId?: string;
}

/** Where a sign-in stands. `ok` means the session is a full one. */
export type LoginStatus = 'ok' | 'mfa_required' | 'mfa_enrollment_required' | 'password_change_required';
export type MfaMethod = 'totp' | 'webauthn' | 'recovery';

/**
 * Result of every sign-in step. `sessionId` is ALWAYS a new id (session fixation): the HTTP layer
 * replaces its cookie with it. It is the secret itself; only its SHA-256 is stored.
 */
export interface AuthStep {
  sessionId: string;
  status: LoginStatus;
  /** Present when status is `mfa_required`. */
  methods?: MfaMethod[];
}

export interface Brand {
  id: string;
  name: string;
  agentMfaRequired: boolean;
  createdAt: Date;
}

export interface Assignment {
  brandId: string;
  brandName: string;
  role: Role;
}

export interface User {
  id: string;
  email: string;
  displayName: string;
  isSecurityAdmin: boolean;
  locked: boolean;
  /** Suspended by a security admin (incident containment): cannot sign in until reinstated. */
  suspended: boolean;
  mfaEnrolled: boolean;
  assignments: Assignment[];
}

export interface NewUser {
  email: string;
  displayName: string;
  isSecurityAdmin?: boolean;
  assignments: { brandId: string; role: Role }[];
}

export interface Me {
  user: { id: string; email: string; displayName: string; isSecurityAdmin: boolean; assignments: Assignment[] };
  mfa: { totp: boolean; passkeys: number };
}

export interface ApiKey {
  id: string;
  brandId: string;
  name: string;
  /** Visible part of the token (`cvk_<prefix>_...`), to recognise a key in lists and logs. */
  prefix: string;
  scopes: Action[];
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
}

export interface NewApiKey {
  name: string;
  scopes: string[];
  expiresInDays: number;
}

export interface RateLimitResult {
  allowed: boolean;
  count: number;
  /** Seconds until the window resets (for Retry-After). */
  retryAfterSeconds: number;
}

export interface DemoAccount {
  email: string;
  role: Role;
  /** Shown once: the user must change it at first sign-in. */
  oneTimePassword: string;
}
