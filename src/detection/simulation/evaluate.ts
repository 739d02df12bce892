import type { Alert } from '../alerts.js';
import { SCENARIO_KINDS, type ScenarioKind, type ScenarioLabel } from './scenarios.js';

/** An alert belongs to an attack when it names the attack's actor during it or within a day after. */
const AFTER_MS = 24 * 3_600_000;

export interface KindReport {
  kind: ScenarioKind;
  scenarios: number;
  detected: number;
  recall: number;
  /** Minutes from the attack's first event to its first alert, per detected attack. */
  minutesToDetect: number[];
  withinFirstHour: number;
}

export interface EvaluationReport {
  users: number;
  days: number;
  alerts: number;
  truePositives: number;
  falsePositives: number;
  precision: number;
  recall: number;
  falseAlertsPer1000UsersPerDay: number;
  kinds: KindReport[];
}

const matches = (a: Alert, s: ScenarioLabel): boolean => {
  const at = Date.parse(a.raisedAt);
  return a.actor.kind === s.actor.kind && a.actor.id === s.actor.id && at >= s.start && at <= s.end + AFTER_MS;
};

/** Precision, recall and time to detect per kind, and the false-alert rate, for one simulated run. */
export function evaluate(alerts: readonly Alert[], labels: readonly ScenarioLabel[], users: number, days: number): EvaluationReport {
  const tp = alerts.filter((a) => labels.some((s) => matches(a, s))).length;
  const fp = alerts.length - tp;
  const kinds = SCENARIO_KINDS.map((kind): KindReport => {
    const ofKind = labels.filter((s) => s.kind === kind);
    const minutes = ofKind.flatMap((s) => {
      const first = alerts.filter((a) => matches(a, s)).map((a) => Date.parse(a.raisedAt))[0];
      return first === undefined ? [] : [(first - s.start) / 60_000];
    });
    return {
      kind,
      scenarios: ofKind.length,
      detected: minutes.length,
      recall: ofKind.length === 0 ? 1 : minutes.length / ofKind.length,
      minutesToDetect: minutes.map((m) => Math.round(m * 10) / 10),
      withinFirstHour: minutes.filter((m) => m <= 60).length,
    };
  });
  const detected = kinds.reduce((s, k) => s + k.detected, 0);
  return {
    users,
    days,
    alerts: alerts.length,
    truePositives: tp,
    falsePositives: fp,
    precision: alerts.length === 0 ? 1 : tp / alerts.length,
    recall: labels.length === 0 ? 1 : detected / labels.length,
    falseAlertsPer1000UsersPerDay: (fp / Math.max(1, users * days)) * 1000,
    kinds,
  };
}

/** The report as a table for people. */
export function formatReport(r: EvaluationReport): string {
  const pad = (s: string | number, n: number): string => String(s).padEnd(n);
  const lines = [
    `${r.users} users, ${r.days} days: ${r.alerts} alerts, ${r.truePositives} on attacks, ${r.falsePositives} false`,
    `precision ${r.precision.toFixed(3)}  recall ${r.recall.toFixed(3)}  false alerts per 1,000 users per day ${r.falseAlertsPer1000UsersPerDay.toFixed(2)}`,
    '',
    `${pad('scenario', 22)}${pad('caught', 9)}${pad('≤1 h', 7)}minutes to detect`,
    ...r.kinds.map((k) => `${pad(k.kind, 22)}${pad(`${k.detected}/${k.scenarios}`, 9)}${pad(k.withinFirstHour, 7)}${k.minutesToDetect.join(', ') || '—'}`),
  ];
  return lines.join('\n');
}
