import type { DetectionEvent } from './events.js';

/**
 * What an event means for detection. Built from the action's shape rather than a closed list, so
 * actions added later (payments, vendors) are classified without touching the detector.
 */

/** Records that hold customer data: reading one is "a customer record read". */
const RECORD_TYPES = new Set(['call', 'customer', 'payment', 'recording', 'transcript', 'subject', 'card', 'token']);

/** Verbs on a record that change or create it rather than show it (ingest, redaction jobs, purges). */
const WRITE_VERB = /\.(ingest|redact|purge|delete|create|update|score|retry|assign|revoke|capture|charge|refund)$/;

/** Actions that move data out in bulk or in clear: a first use of one is worth a look. */
const SENSITIVE = /(export|download|detokenize|original|bulk|\.(txt|vtt|srt|wav|csv|json)$)/;

export function isRecordRead(e: DetectionEvent): boolean {
  return e.outcome === 'success' && e.target !== null && RECORD_TYPES.has(e.target.type) && !WRITE_VERB.test(e.action);
}

export const isSensitiveAction = (action: string): boolean => SENSITIVE.test(action);

export const isDenied = (e: DetectionEvent): boolean => e.outcome === 'denied';

/** Password failures (the platform logs `auth.login` / `auth.password_change` failures with a reason). */
export function isPasswordFailure(e: DetectionEvent): boolean {
  return e.outcome === 'failure' && (e.action === 'auth.login' || e.action === 'auth.password_change') && e.details['reason'] !== 'locked';
}

export const isMfaFailure = (e: DetectionEvent): boolean => e.outcome === 'failure' && e.action.startsWith('auth.mfa');

export const isLoginSuccess = (e: DetectionEvent): boolean => e.outcome === 'success' && e.action === 'auth.login';

export const isBreakGlassRequest = (e: DetectionEvent): boolean => e.action === 'breakglass.request' && e.outcome === 'success';

export const isPaymentStart = (e: DetectionEvent): boolean => e.outcome === 'success' && /^payment\.(session\.)?(create|start)$/.test(e.action);

/** A payment session the agent cancelled or let run out (the card was never charged). */
export const isPaymentAbandoned = (e: DetectionEvent): boolean => /^payment\.(session\.)?(cancel|cancelled|expire|expired|abandon|abandoned)$/.test(e.action);

/** Users and API keys have baselines; the system and anonymous callers do not. */
export const isTrackedActor = (e: DetectionEvent): boolean => e.actor.kind === 'user' || e.actor.kind === 'api_key';

/**
 * The network an address belongs to, at two sizes: IPv4 /16 and /24, IPv6 /32 and /48. Home and
 * mobile connections move inside a provider's /16 from day to day; a new /16 is a new provider.
 */
export function networksOf(ip: string | null): { wide: string; narrow: string } | null {
  if (!ip) return null;
  const v4 = /^(?:::ffff:)?(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.\d{1,3}$/i.exec(ip);
  if (v4) return { wide: `${v4[1]}.${v4[2]}`, narrow: `${v4[1]}.${v4[2]}.${v4[3]}` };
  if (ip.includes(':')) {
    const groups = expandIpv6(ip);
    if (groups) return { wide: groups.slice(0, 2).join(':'), narrow: groups.slice(0, 3).join(':') };
  }
  return null;
}

function expandIpv6(ip: string): string[] | null {
  const [head = '', tail] = ip.toLowerCase().split('::');
  const a = head ? head.split(':') : [];
  const b = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const missing = 8 - a.length - b.length;
  if (missing < 0 || (tail === undefined && missing !== 0)) return null;
  const all = [...a, ...Array<string>(missing).fill('0'), ...b];
  return all.every((g) => /^[0-9a-f]{1,4}$/.test(g)) ? all.map((g) => g.replace(/^0+(?=.)/, '')) : null;
}
