import { createDetector, type Detector } from './detector.js';
import { buildDirectory, type DirectoryEntry } from './directory.js';
import type { DetectionEvent } from './events.js';
import type { Alert } from './alerts.js';

/** Builders for audit events and working histories, shared by the detector's tests. */

export const T0 = Date.UTC(2026, 2, 2); // a Monday, 00:00 UTC
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

let n = 0;
export function ev(at: number, actorId: string, action: string, over: Partial<DetectionEvent> = {}): DetectionEvent {
  return {
    id: `t:${++n}`,
    at,
    brandId: 'br_a',
    actor: { kind: over.actor?.kind ?? 'user', id: actorId },
    action,
    target: null,
    outcome: 'success',
    ip: '81.2.69.10',
    details: {},
    ...over,
  };
}

export const read = (at: number, actorId: string, over: Partial<DetectionEvent> = {}): DetectionEvent =>
  ev(at, actorId, 'call.read', { target: { type: 'call', id: `call_${++n}` }, ...over });

export interface Workday {
  /** Working days of history (weekdays and weekends alike). */
  days: number;
  /** Record reads an hour, spread evenly. */
  perHour?: number;
  startHour?: number;
  hours?: number;
  ip?: string;
  brandId?: string;
}

/** A plain working history: sign-in, steady reading, sign-out, every day from T0. */
export function history(actorId: string, w: Workday): DetectionEvent[] {
  const out: DetectionEvent[] = [];
  const perHour = w.perHour ?? 8;
  const start = w.startHour ?? 9;
  const hours = w.hours ?? 8;
  const ip = w.ip ?? '81.2.69.10';
  const brandId = w.brandId ?? 'br_a';
  for (let d = 0; d < w.days; d++) {
    const s = T0 + d * DAY + start * HOUR;
    out.push(ev(s, actorId, 'auth.login', { ip, brandId: null }));
    // A little wobble in pace, deterministic, so baselines have a spread.
    const count = Math.round(perHour * hours * (0.85 + 0.3 * ((d * 7) % 10) / 10));
    for (let i = 0; i < count; i++) out.push(read(s + 60_000 + (i * (hours * HOUR - 120_000)) / count, actorId, { ip, brandId }));
    out.push(ev(s + hours * HOUR, actorId, 'auth.logout', { ip, brandId: null }));
  }
  return out;
}

export const agent = (id: string, brands = ['br_a']): DirectoryEntry => ({ id, kind: 'user', role: 'agent', brands });

/** Runs events (sorted by time) through a fresh detector; returns it and the alerts raised. */
export function run(events: DetectionEvent[], directory: DirectoryEntry[] = []): { detector: Detector; alerts: Alert[] } {
  const detector = createDetector({ directory: buildDirectory(directory) });
  const alerts: Alert[] = [];
  for (const e of [...events].sort((a, b) => a.at - b.at)) alerts.push(...detector.observe(e));
  return { detector, alerts };
}
