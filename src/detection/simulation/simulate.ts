import type { DetectionEvent } from '../events.js';
import type { DirectoryEntry } from '../directory.js';
import { buildPopulation, directoryOf } from './population.js';
import { Random } from './random.js';
import { injectScenarios, type ScenarioLabel } from './scenarios.js';
import { DAY, integrationDay, personDay, type SimEvent } from './traffic.js';

export interface SimulationOptions {
  users: number;
  weeks: number;
  seed: number;
  /** Injected attacks of each kind (default 3). */
  perKind?: number;
  /** First day, UTC midnight (default 2026-03-02, a Monday). */
  startMs?: number;
}

export interface Simulation {
  directory: DirectoryEntry[];
  labels: ScenarioLabel[];
  users: number;
  days: number;
  /** The audit events in time order, produced day by day (memory stays at about a day of traffic). */
  events(): Generator<DetectionEvent>;
}

/**
 * Weeks of a BPO's audit trail: agents on shifts across brands, reviewers, supervisors,
 * administrators, auditors and the integrations that hand over calls, with labelled attacks
 * mixed in. Deterministic for a seed.
 *
 *   const sim = simulate({ users: 400, weeks: 4, seed: 1 });
 *   for (const e of sim.events()) detector.observe(e);
 */
export function simulate(opts: SimulationOptions): Simulation {
  const startMs = opts.startMs ?? Date.UTC(2026, 2, 2);
  const days = Math.round(opts.weeks * 7);
  const pop = buildPopulation(opts.users, opts.seed);
  const injected = injectScenarios(pop, startMs, days, Math.min(10, Math.floor(days / 2)), opts.perKind ?? 3, new Random(opts.seed ^ 0x5bd1e995, 'x'));
  const attackEvents = injected.flatMap((i) => i.events).sort((a, b) => a.at - b.at);
  return {
    directory: directoryOf(pop),
    labels: injected.map((i) => i.label),
    users: pop.people.length,
    days,
    *events() {
      const rnd = new Random(opts.seed * 7919 + 17);
      const seq = new Map<string, number>();
      let carry: SimEvent[] = [];
      let attack = 0;
      for (let d = 0; d <= days; d++) {
        const dayStart = startMs + d * DAY;
        const dayEnd = dayStart + DAY;
        const todays: SimEvent[] = carry;
        if (d < days) {
          // Shifts start up to a day before they end: generate each day's shifts, emit what is due.
          for (const p of pop.people) for (const e of personDay(pop, p, dayStart, rnd)) todays.push(e);
          for (const k of pop.integrations) for (const e of integrationDay(k, dayStart, rnd)) todays.push(e);
        }
        while (attack < attackEvents.length && attackEvents[attack]!.at < dayEnd) todays.push(attackEvents[attack++]!);
        todays.sort((a, b) => a.at - b.at);
        const cut = d < days ? todays.findIndex((e) => e.at >= dayEnd) : -1;
        const due = cut < 0 ? todays : todays.slice(0, cut);
        carry = cut < 0 ? [] : todays.slice(cut);
        for (const e of due) {
          const chain = e.brandId ?? 'global';
          const n = (seq.get(chain) ?? 0) + 1;
          seq.set(chain, n);
          yield { id: `${chain}:${n}`, ...e };
        }
      }
    },
  };
}
