import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * Settings, parsed once at start-up from the environment (and an optional JSON file named by
 * CALLVAULT_CONFIG; the environment wins). The server and every CLI command read the same values,
 * so `callvault audit verify` checks the database the server uses. Services receive the parsed
 * object; none of them reads process.env.
 */
const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  CALLVAULT_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Base64 of 32 bytes; when set, the key-encryption key comes from here instead of the key file. */
  CALLVAULT_KEK: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be base64 of exactly 32 bytes')
    .optional(),
  /** The URL people open; also the WebAuthn origin. Defaults to http://HOST:PORT. */
  CALLVAULT_PUBLIC_URL: z.string().url().optional(),
  /** Cookies carry Secure unless this is "false" (plain-HTTP local development and tests). */
  CALLVAULT_SECURE_COOKIES: z.enum(['true', 'false']).default('true'),
  /** Audit checkpoint cadence: a signed Merkle checkpoint every N events or T seconds. */
  CALLVAULT_AUDIT_CHECKPOINT_EVERY: z.coerce.number().int().min(1).default(1000),
  CALLVAULT_AUDIT_CHECKPOINT_SECONDS: z.coerce.number().int().min(1).default(300),
  /**
   * Proxies whose X-Forwarded-For is believed (comma-separated IPs/CIDRs, or loopback/uniquelocal):
   * without it every client behind a proxy shares one IP for the per-IP login limit and audit events.
   */
  /**
   * A job whose worker stops renewing it (the node crashed) is taken over by another worker after
   * this many seconds; long jobs renew it as they report progress.
   */
  CALLVAULT_JOB_LEASE_SECONDS: z.coerce.number().int().min(5).max(3600).default(120),
  CALLVAULT_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  CALLVAULT_PAYMENT_CHARGE_TIMEOUT_SECONDS: z.coerce.number().min(1).max(120).default(20),
  CALLVAULT_PAYMENT_PAUSE_SECONDS: z.coerce.number().min(1).max(30).default(4),
  CALLVAULT_PAYMENT_CA_FILE: z.string().optional(),
  CALLVAULT_PAYMENT_RTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  CALLVAULT_PAYMENT_RTP_HOST: z.string().default('0.0.0.0'),
  /** Unusual-access detection over the audit trail (one node at a time scores, under a lease). */
  CALLVAULT_DETECTION: z.enum(['on', 'off']).default('on'),
  CALLVAULT_DETECTION_SCAN_SECONDS: z.coerce.number().int().min(1).max(3600).default(10),
  /** Alerts of this severity or above open an incident by themselves; off: always by a person. */
  CALLVAULT_INCIDENT_AUTO_OPEN: z.enum(['off', 'medium', 'high', 'critical']).default('critical'),
  /** Hours to notify the affected brands (the BPO is their processor: "without undue delay", GDPR Art. 33(2)). */
  CALLVAULT_INCIDENT_BRAND_NOTICE_HOURS: z.coerce.number().min(0.25).max(720).default(24),
  /** Hours for CCPA / California notice (Cal. Civ. Code 1798.82: "most expedient time possible"). */
  CALLVAULT_INCIDENT_CCPA_HOURS: z.coerce.number().min(0.25).max(720).default(72),
  /** Hours to notify the acquirer and card brands of exposed payment data (PCI: "immediately"). */
  CALLVAULT_INCIDENT_PCI_HOURS: z.coerce.number().min(0.25).max(720).default(24),
  /** Reminders at these fractions of each clock's time (comma-separated, each above 0 and below 1). */
  CALLVAULT_INCIDENT_REMINDERS: z
    .string()
    .regex(/^\s*0?\.\d+(\s*,\s*0?\.\d+)*\s*$/, 'must be fractions between 0 and 1, comma-separated, e.g. 0.5,0.8')
    .default('0.5,0.8'),
  /** Incident reminders and openings are POSTed here as JSON (ids and deadlines only). */
  CALLVAULT_NOTIFY_WEBHOOK_URL: z.string().url().optional(),
  /** smtp://user:pass@host:port or smtps://...: reminders are also e-mailed to CALLVAULT_NOTIFY_EMAIL_TO. */
  CALLVAULT_SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
  CALLVAULT_NOTIFY_EMAIL_FROM: z.string().email().default('callvault@localhost'),
  CALLVAULT_NOTIFY_EMAIL_TO: z
    .string()
    .regex(/^[^\s@,]+@[^\s@,]+(\s*,\s*[^\s@,]+@[^\s@,]+)*$/, 'must be e-mail addresses, comma-separated')
    .optional(),
  CALLVAULT_TRUST_PROXY: z.string().regex(/^[0-9A-Za-z.:/, ]+$/, 'must be IP addresses, CIDRs or loopback/linklocal/uniquelocal').optional(),
});

export type RawConfig = z.infer<typeof ConfigSchema>;

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  logLevel: RawConfig['LOG_LEVEL'];
  kekBase64: string | undefined;
  publicUrl: string;
  secureCookies: boolean;
  auditCheckpointEvery: number;
  auditCheckpointSeconds: number;
  trustProxy: string | undefined;
  jobLeaseSeconds: number;
  /** Jobs this node's worker runs at once. */
  workerConcurrency: number;
  detection: { enabled: boolean; scanSeconds: number };
  incidents: IncidentSettings;
  notify: NotifySettings;
  /** A processor that has not answered after `chargeTimeoutMs` is a failed charge; `pauseMs` without a key ends a field. */
  payments: { chargeTimeoutMs: number; pauseMs: number; caFile: string | undefined; rtp: { port: number; host: string } | null };
}

export interface IncidentSettings {
  autoOpenSeverity: 'medium' | 'high' | 'critical' | null;
  brandNoticeHours: number;
  ccpaHours: number;
  pciHours: number;
  reminderFractions: number[];
}

export interface NotifySettings {
  webhookUrl: string | undefined;
  smtpUrl: string | undefined;
  emailFrom: string;
  emailTo: string[];
}

const LOCAL_HOSTS = new Set(['0.0.0.0', '127.0.0.1', '::', '::1']);

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses settings; throws ConfigError naming each bad setting (never its value: it may be a secret). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  let fromFile: Record<string, unknown> = {};
  if (env.CALLVAULT_CONFIG) {
    try {
      fromFile = JSON.parse(readFileSync(env.CALLVAULT_CONFIG, 'utf8')) as Record<string, unknown>;
    } catch {
      throw new ConfigError(`CALLVAULT_CONFIG: cannot read a JSON object from ${env.CALLVAULT_CONFIG}`);
    }
  }
  const merged = { ...fromFile, ...stripEmpty(env) };
  const parsed = ConfigSchema.safeParse(merged);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: resolve(c.CALLVAULT_DATA_DIR),
    databaseUrl: c.DATABASE_URL,
    logLevel: c.LOG_LEVEL,
    kekBase64: c.CALLVAULT_KEK,
    // Loopback and wildcard hosts are published as `localhost`: browsers refuse passkeys on an IP
    // address (WebAuthn needs a domain as relying-party id), and localhost counts as a secure context.
    publicUrl: c.CALLVAULT_PUBLIC_URL ?? `http://${LOCAL_HOSTS.has(c.HOST) ? 'localhost' : c.HOST}:${c.PORT}`,
    secureCookies: c.CALLVAULT_SECURE_COOKIES === 'true',
    auditCheckpointEvery: c.CALLVAULT_AUDIT_CHECKPOINT_EVERY,
    auditCheckpointSeconds: c.CALLVAULT_AUDIT_CHECKPOINT_SECONDS,
    trustProxy: c.CALLVAULT_TRUST_PROXY,
    jobLeaseSeconds: c.CALLVAULT_JOB_LEASE_SECONDS,
    workerConcurrency: c.CALLVAULT_WORKER_CONCURRENCY,
    detection: { enabled: c.CALLVAULT_DETECTION === 'on', scanSeconds: c.CALLVAULT_DETECTION_SCAN_SECONDS },
    incidents: {
      autoOpenSeverity: c.CALLVAULT_INCIDENT_AUTO_OPEN === 'off' ? null : c.CALLVAULT_INCIDENT_AUTO_OPEN,
      brandNoticeHours: c.CALLVAULT_INCIDENT_BRAND_NOTICE_HOURS,
      ccpaHours: c.CALLVAULT_INCIDENT_CCPA_HOURS,
      pciHours: c.CALLVAULT_INCIDENT_PCI_HOURS,
      reminderFractions: [...new Set(c.CALLVAULT_INCIDENT_REMINDERS.split(',').map((f) => Number(f.trim())))].filter((f) => f > 0 && f < 1).sort(),
    },
    payments: {
      chargeTimeoutMs: c.CALLVAULT_PAYMENT_CHARGE_TIMEOUT_SECONDS * 1000,
      pauseMs: c.CALLVAULT_PAYMENT_PAUSE_SECONDS * 1000,
      caFile: c.CALLVAULT_PAYMENT_CA_FILE,
      rtp: c.CALLVAULT_PAYMENT_RTP_PORT === undefined ? null : { port: c.CALLVAULT_PAYMENT_RTP_PORT, host: c.CALLVAULT_PAYMENT_RTP_HOST },
    },
    notify: {
      webhookUrl: c.CALLVAULT_NOTIFY_WEBHOOK_URL,
      smtpUrl: c.CALLVAULT_SMTP_URL,
      emailFrom: c.CALLVAULT_NOTIFY_EMAIL_FROM,
      emailTo: c.CALLVAULT_NOTIFY_EMAIL_TO ? c.CALLVAULT_NOTIFY_EMAIL_TO.split(',').map((a) => a.trim()) : [],
    },
  };
}

function stripEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v !== '') out[k] = v;
  return out;
}
