import { createHash } from 'node:crypto';
import type { Signal } from './rules/index.js';

export type Severity = 'medium' | 'high' | 'critical';

/**
 * An alert: one actor, the rules that fired with their plain-language reasons, and the audit
 * event ids that show it. Never customer data: reasons hold counts, brands and networks.
 */
export interface Alert {
  id: string;
  raisedAt: string;
  actor: { kind: string; id: string };
  role: string;
  brandIds: string[];
  severity: Severity;
  /** 0–100; the sum of the rules' scores, capped. */
  score: number;
  rules: string[];
  reasons: string[];
  evidence: string[];
  firstEventAt: string;
  lastEventAt: string;
}

/** An alert is raised when the signals of an actor's last two hours add up to this. */
export const ALERT_THRESHOLD = 70;
const SIGNAL_SPAN_MS = 2 * 3_600_000;
/** An alert stays open (new signals join it instead of raising another) this long after its last signal. */
export const ALERT_OPEN_MS = 24 * 3_600_000;
const MAX_EVIDENCE = 200;

export const severityOf = (sum: number): Severity => (sum >= 150 ? 'critical' : sum >= 100 ? 'high' : 'medium');

interface Pending {
  at: number;
  signal: Signal;
  brandId: string | null;
}

/**
 * Collects one actor's signals and decides when they make an alert. Scores of different rules add
 * up (a new network alone is weak, a new network at night is not); repeats of one rule count
 * once, at their highest. While an alert is open, further signals join it: one alert per incident
 * of behaviour, not one per event.
 */
export class ActorAlerts {
  private pending: Pending[] = [];
  open: Alert | null = null;
  private openSum = 0;
  private readonly ruleScores = new Map<string, number>();
  private readonly evidence = new Set<string>();
  private lastAt = 0;

  constructor(
    private readonly actor: { kind: string; id: string },
    private readonly role: string,
  ) {}

  /** Adds the signals of one event; returns the alert if this event raised a new one. */
  add(at: number, brandId: string | null, signals: Signal[]): Alert | null {
    if (this.open && at - this.lastAt > ALERT_OPEN_MS) this.close();
    if (this.open) {
      for (const s of signals) this.join(this.open, s, brandId, at);
      return null;
    }
    for (const s of signals) this.pending.push({ at, signal: s, brandId });
    const from = at - SIGNAL_SPAN_MS;
    this.pending = this.pending.filter((p) => p.at >= from);
    const best = new Map<string, Pending>();
    for (const p of this.pending) {
      const b = best.get(p.signal.rule);
      if (!b || p.signal.score > b.signal.score) best.set(p.signal.rule, p);
    }
    let sum = 0;
    for (const p of best.values()) sum += p.signal.score;
    if (sum < ALERT_THRESHOLD) return null;
    const first = this.pending[0]!;
    const alert: Alert = {
      id: `al_${createHash('sha256').update(`${this.actor.kind}:${this.actor.id}:${first.signal.evidence[0] ?? first.at}`).digest('hex').slice(0, 20)}`,
      raisedAt: new Date(at).toISOString(),
      actor: this.actor,
      role: this.role,
      brandIds: [],
      severity: 'medium',
      score: 0,
      rules: [],
      reasons: [],
      evidence: [],
      firstEventAt: new Date(first.at).toISOString(),
      lastEventAt: new Date(at).toISOString(),
    };
    this.open = alert;
    this.openSum = 0;
    this.ruleScores.clear();
    this.evidence.clear();
    for (const p of this.pending) this.join(alert, p.signal, p.brandId, p.at);
    this.pending = [];
    return alert;
  }

  private join(alert: Alert, s: Signal, brandId: string | null, at: number): void {
    const before = this.ruleScores.get(s.rule);
    if (before === undefined) {
      alert.rules.push(s.rule);
      alert.reasons.push(s.reason);
    } else if (s.score > before) {
      alert.reasons[alert.rules.indexOf(s.rule)] = s.reason;
    }
    if (before === undefined || s.score > before) {
      this.openSum += s.score - (before ?? 0);
      this.ruleScores.set(s.rule, s.score);
    }
    alert.score = Math.min(100, this.openSum);
    alert.severity = severityOf(this.openSum);
    if (brandId !== null && !alert.brandIds.includes(brandId)) alert.brandIds.push(brandId);
    for (const id of s.evidence) {
      if (this.evidence.size >= MAX_EVIDENCE) break;
      if (!this.evidence.has(id)) {
        this.evidence.add(id);
        alert.evidence.push(id);
      }
    }
    if (at > this.lastAt) {
      this.lastAt = at;
      alert.lastEventAt = new Date(at).toISOString();
    }
  }

  private close(): void {
    this.open = null;
    this.evidence.clear();
    this.openSum = 0;
    this.ruleScores.clear();
  }
}
