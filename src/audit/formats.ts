import type { StoredEvent } from './chain-store.js';

/** What leaves callvault about an event (no data: ids, codes, the chain position and hash). */
export interface AuditEventView {
  chainId: string;
  seq: number;
  brandId: string | null;
  at: string;
  actor: { kind: string; id: string };
  action: string;
  target: { type: string; id: string } | null;
  outcome: string;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  details: Record<string, string | number | boolean | null>;
  hash: string;
}

export function toView(e: StoredEvent): AuditEventView {
  return {
    chainId: e.chainId,
    seq: e.seq,
    brandId: e.brandId,
    at: e.at.toISOString(),
    actor: e.actor,
    action: e.action,
    target: e.target,
    outcome: e.outcome,
    ip: e.ip,
    userAgent: e.userAgent,
    requestId: e.requestId,
    details: e.details,
    hash: e.hash.toString('hex'),
  };
}

export type ExportFormat = 'jsonl' | 'syslog' | 'cef';

export const formatJsonl = (v: AuditEventView): string => JSON.stringify(v);

// RFC 5424 §6.2.1: facility 13 = "log audit"; severity notice (5) for success, warning (4) otherwise.
const FACILITY_LOG_AUDIT = 13;
// RFC 5424 §7.2.2 SD-ID with an enterprise number; 32473 is the number RFC 5612 reserves for examples.
const SD_ID = 'callvault@32473';

/** RFC 5424 §6.3.3: inside PARAM-VALUE, '"', '\' and ']' are escaped with a backslash. */
const sdEscape = (v: string): string => v.replace(/[\\"\]]/g, (c) => `\\${c}`);
/** RFC 5424 header fields are PRINTUSASCII without spaces; anything else becomes '_' (or NILVALUE). */
const headerField = (v: string | undefined, max: number): string => (v ? v.replace(/[^\x21-\x7e]/g, '_').slice(0, max) : '-');

export interface SyslogOptions {
  hostname?: string;
  appName?: string;
  procId?: string;
}

/** One RFC 5424 message: the event's fields in structured data, a short human MSG. */
export function formatSyslog(v: AuditEventView, opts: SyslogOptions = {}): string {
  const severity = v.outcome === 'success' ? 5 : 4;
  const params: [string, string | null][] = [
    ['chain', v.chainId],
    ['seq', String(v.seq)],
    ['brand', v.brandId],
    ['actorKind', v.actor.kind],
    ['actorId', v.actor.id],
    ['action', v.action],
    ['outcome', v.outcome],
    ['targetType', v.target?.type ?? null],
    ['targetId', v.target?.id ?? null],
    ['ip', v.ip],
    ['requestId', v.requestId],
    ['hash', v.hash],
  ];
  const sd = `[${SD_ID}${params
    .filter((p): p is [string, string] => p[1] !== null)
    .map(([k, val]) => ` ${k}="${sdEscape(val)}"`)
    .join('')}]`;
  const msg = `${v.action} ${v.outcome} by ${v.actor.kind}:${v.actor.id}`;
  return `<${FACILITY_LOG_AUDIT * 8 + severity}>1 ${v.at} ${headerField(opts.hostname, 255)} ${headerField(opts.appName ?? 'callvault', 48)} ${headerField(opts.procId, 128)} ${headerField(v.action, 32)} ${sd} ${msg}`;
}

/** CEF header fields escape '\' and '|'; extension values escape '\', '=' and line breaks (CEF v25 §"Character encoding"). */
const cefHeader = (v: string): string => v.replace(/[\\|]/g, (c) => `\\${c}`).replace(/[\r\n]/g, ' ');
const cefValue = (v: string): string => v.replace(/[\\=]/g, (c) => `\\${c}`).replace(/\r?\n|\r/g, '\\n');

/** One ArcSight Common Event Format line (CEF:0). */
export function formatCef(v: AuditEventView, version = '0.1.0'): string {
  const severity = v.outcome === 'denied' ? 7 : v.outcome === 'failure' ? 5 : 3;
  // A custom-string label is only sent with its value.
  const custom = (n: number, label: string, value: string | null): [string, string | null][] =>
    value === null ? [] : [[`cs${n}Label`, label], [`cs${n}`, value]];
  const ext: [string, string | null][] = [
    ['rt', String(Date.parse(v.at))],
    ['act', v.action],
    ['outcome', v.outcome],
    ['suid', `${v.actor.kind}:${v.actor.id}`],
    ['src', v.ip],
    ['requestClientApplication', v.userAgent],
    ['externalId', `${v.chainId}:${v.seq}`],
    ...custom(1, 'brand', v.brandId),
    ...custom(2, 'target', v.target ? `${v.target.type}:${v.target.id}` : null),
    ...custom(3, 'requestId', v.requestId),
    ...custom(4, 'eventHash', v.hash),
  ];
  const extension = ext
    .filter((p): p is [string, string] => p[1] !== null)
    .map(([k, val]) => `${k}=${cefValue(val)}`)
    .join(' ');
  return `CEF:0|callvault|callvault|${cefHeader(version)}|${cefHeader(v.action)}|${cefHeader(`${v.action} ${v.outcome}`)}|${severity}|${extension}`;
}

export function formatEvent(v: AuditEventView, format: ExportFormat, opts: SyslogOptions = {}): string {
  return format === 'jsonl' ? formatJsonl(v) : format === 'syslog' ? formatSyslog(v, opts) : formatCef(v);
}
