import { describe, expect, it } from 'vitest';
import { buildDirectory, createDetector } from '../index.js';
import { evaluate, simulate, SCENARIO_KINDS } from './index.js';

describe('simulated BPO traffic with injected attacks', () => {
  const sim = simulate({ users: 250, weeks: 3, seed: 11 });
  const detector = createDetector({ directory: buildDirectory(sim.directory) });
  let events = 0;
  let ordered = true;
  let last = 0;
  for (const e of sim.events()) {
    events++;
    if (e.at < last) ordered = false;
    last = e.at;
    detector.observe(e);
  }
  const report = evaluate(detector.alerts(), sim.labels, sim.users, sim.days);

  it('is a realistic volume of events, in time order, with every kind of attack labelled', () => {
    expect(events).toBeGreaterThan(400_000);
    expect(ordered).toBe(true);
    expect(new Set(sim.labels.map((l) => l.kind))).toEqual(new Set(SCENARIO_KINDS));
  });

  it('is the same traffic for the same seed', () => {
    const again = simulate({ users: 250, weeks: 3, seed: 11 });
    expect(again.labels).toEqual(sim.labels);
    const a = again.events().next().value;
    const b = sim.events().next().value;
    expect(a).toEqual(b);
  });

  it('catches every fast attack within its first hour, with under 2 false alerts per 1,000 users a day', () => {
    for (const k of report.kinds.filter((x) => x.kind !== 'slow_exfiltration')) {
      expect({ kind: k.kind, caught: k.detected, firstHour: k.withinFirstHour }).toEqual({ kind: k.kind, caught: k.scenarios, firstHour: k.scenarios });
    }
    expect(report.falseAlertsPer1000UsersPerDay).toBeLessThan(2);
    expect(report.precision).toBeGreaterThan(0.8);
  });

  it('alerts carry event ids and reasons, never record ids', () => {
    for (const a of detector.alerts()) {
      expect(a.evidence.length).toBeGreaterThan(0);
      for (const id of a.evidence) expect(id).toMatch(/^[\w-]+:\d+$/);
      expect(a.reasons.join(' ')).not.toMatch(/call_|pay_/);
    }
  });
});
