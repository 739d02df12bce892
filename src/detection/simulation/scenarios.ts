import type { Population, Person } from './population.js';
import type { Random } from './random.js';
import { DAY, HOUR, event, type SimEvent } from './traffic.js';

export const SCENARIO_KINDS = ['bulk_scraping', 'slow_exfiltration', 'compromised_account', 'cross_brand_probing', 'api_key_abuse', 'break_glass_abuse'] as const;
export type ScenarioKind = (typeof SCENARIO_KINDS)[number];

/** The truth about one injected attack: who, what, from when to when (ms since the epoch). */
export interface ScenarioLabel {
  id: string;
  kind: ScenarioKind;
  actor: { kind: string; id: string };
  start: number;
  end: number;
}

export interface Injected {
  label: ScenarioLabel;
  events: SimEvent[];
}

/** A working day of `p` at or after `day` (not a day off), and the start of its shift there. */
function shiftOn(p: Person, from: number, rnd: Random): number {
  for (let d = from; ; d += DAY) {
    if (!p.daysOff.includes(new Date(d).getUTCDay())) return d + (p.shiftStart + rnd.between(0.5, 3)) * HOUR;
  }
}

const newAddress = (rnd: Random): string => `${rnd.int(30, 59)}.${rnd.int(0, 255)}.${rnd.int(0, 255)}.${rnd.int(2, 250)}`;
const usual = (p: Person, rnd: Random): string => `${p.narrow}.${rnd.int(2, 250)}`;

type Builder = (pop: Population, actorPool: Person[], day: number, rnd: Random, id: string, used: ReadonlySet<string>) => Injected;

const builders: Record<ScenarioKind, Builder> = {
  /** An agent pulls hundreds of customer records in about an hour from their usual desk. */
  bulk_scraping(pop, pool, day, rnd, id) {
    const p = rnd.pick(pool.filter((x) => x.role === 'agent'));
    const start = shiftOn(p, day, rnd);
    const n = rnd.int(150, 500);
    const ip = usual(p, rnd);
    const actor = { kind: 'user', id: p.id };
    const events: SimEvent[] = [];
    let at = start;
    for (let i = 0; i < n; i++) events.push(event((at += rnd.between(4e3, 14e3)), actor, 'call.read', rnd.pick(p.brands), 'success', ip, { type: 'call', id: rnd.recordId('call') }, { status: 'ready' }));
    return { label: { id, kind: 'bulk_scraping', actor, start, end: at }, events };
  },

  /** An agent reads a few extra customers an hour, every shift for a week: under any hourly limit. */
  slow_exfiltration(pop, pool, day, rnd, id) {
    const p = rnd.pick(pool.filter((x) => x.role === 'agent'));
    const actor = { kind: 'user', id: p.id };
    const events: SimEvent[] = [];
    const perHour = rnd.between(4, 7);
    let first = 0;
    let last = 0;
    for (let d = 0, days = 0; days < 5; d++) {
      const dayStart = day + d * DAY;
      if (p.daysOff.includes(new Date(dayStart).getUTCDay())) continue;
      days++;
      const s = dayStart + (p.shiftStart + 0.5) * HOUR;
      const e = s + (p.shiftHours - 1) * HOUR;
      let at = s;
      while ((at += rnd.gapMs(perHour)) < e) {
        events.push(event(at, actor, 'call.read', rnd.pick(p.brands), 'success', usual(p, rnd), { type: 'call', id: rnd.recordId('call') }, { status: 'ready' }));
        first ||= at;
        last = at;
      }
    }
    return { label: { id, kind: 'slow_exfiltration', actor, start: first, end: last }, events };
  },

  /** Someone else signs in with a person's phished password and code, at night, from elsewhere. */
  compromised_account(pop, pool, day, rnd, id) {
    const p = rnd.pick(pool.filter((x) => x.role === 'agent' || x.role === 'qa_reviewer'));
    const actor = { kind: 'user', id: p.id };
    const start = day + ((p.shiftStart + 12 + rnd.between(0, 3)) % 24) * HOUR;
    const ip = newAddress(rnd);
    const events: SimEvent[] = [];
    let at = start;
    const guesses = rnd.int(0, 2);
    for (let i = 0; i < guesses; i++) events.push(event((at += rnd.between(5e3, 30e3)), actor, 'auth.login', null, 'failure', ip, null, { reason: 'bad_password' }));
    events.push(event((at += 10e3), actor, 'auth.login', null, 'success', ip, null, { status: 'mfa_required' }));
    events.push(event((at += 20e3), actor, 'auth.mfa', null, 'success', ip));
    const reads = rnd.int(15, 60);
    for (let i = 0; i < reads; i++) events.push(event((at += rnd.between(20e3, 90e3)), actor, 'call.read', rnd.pick(p.brands), 'success', ip, { type: 'call', id: rnd.recordId('call') }, { status: 'ready' }));
    return { label: { id, kind: 'compromised_account', actor, start, end: at }, events };
  },

  /** An agent tries calls and lists of other clients' brands, one after another. */
  cross_brand_probing(pop, pool, day, rnd, id) {
    const p = rnd.pick(pool.filter((x) => x.role === 'agent'));
    const actor = { kind: 'user', id: p.id };
    const start = shiftOn(p, day, rnd);
    const others = pop.brands.filter((b) => !p.brands.includes(b));
    const tries = rnd.int(6, 14);
    const ip = usual(p, rnd);
    const events: SimEvent[] = [];
    let at = start;
    for (let i = 0; i < tries; i++) {
      const action = rnd.pick(['call.read', 'call.list', 'call.download']);
      events.push(event((at += rnd.between(30e3, 180e3)), actor, action, rnd.pick(others), 'denied', ip, action === 'call.list' ? null : { type: 'call', id: rnd.recordId('call') }, { permission: 'call.read' }));
    }
    return { label: { id, kind: 'cross_brand_probing', actor, start, end: at }, events };
  },

  /** A leaked integration key, used from another network to push and pull as fast as it can. */
  api_key_abuse(pop, _pool, day, rnd, id, used) {
    const free = pop.integrations.filter((x) => !used.has(x.id));
    const k = rnd.pick(free.length > 0 ? free : pop.integrations);
    const actor = { kind: 'api_key', id: k.id };
    const start = day + rnd.between(1, 23) * HOUR;
    const ip = newAddress(rnd);
    const events: SimEvent[] = [];
    let at = start;
    const n = rnd.int(80, 300);
    for (let i = 0; i < n; i++) {
      const read = rnd.chance(0.6);
      events.push(event((at += rnd.between(1e3, 8e3)), actor, read ? 'call.read' : 'call.ingest', k.brand, read ? 'denied' : 'success', ip, { type: 'call', id: rnd.recordId('call') }, read ? { permission: 'call.read' } : { format: 'conversation' }));
    }
    return { label: { id, kind: 'api_key_abuse', actor, start, end: at }, events };
  },

  /** A supervisor asks for emergency access to original recordings again and again. */
  break_glass_abuse(pop, pool, day, rnd, id) {
    const p = rnd.pick(pool.filter((x) => x.role === 'supervisor'));
    const actor = { kind: 'user', id: p.id };
    const start = shiftOn(p, day, rnd);
    const ip = usual(p, rnd);
    const events: SimEvent[] = [];
    let at = start;
    const n = rnd.int(4, 8);
    for (let i = 0; i < n; i++) {
      const call = { type: 'call', id: rnd.recordId('call') };
      const brand = rnd.pick(p.brands);
      events.push(event((at += rnd.between(5, 35) * 60e3), actor, 'breakglass.request', brand, 'success', ip, call));
      events.push(event((at += rnd.between(20e3, 120e3)), actor, 'call.original.read', brand, 'success', ip, call));
      events.push(event((at += rnd.between(20e3, 120e3)), actor, 'call.original.play', brand, 'success', ip, call));
    }
    return { label: { id, kind: 'break_glass_abuse', actor, start, end: at }, events };
  },
};

/**
 * `perKind` attacks of every kind, by different actors, each starting on a random day after the
 * first `warmupDays` (the detector needs a history to compare with) and ending before `days`.
 */
export function injectScenarios(pop: Population, startMs: number, days: number, warmupDays: number, perKind: number, rnd: Random): Injected[] {
  const used = new Set<string>();
  const out: Injected[] = [];
  for (const kind of SCENARIO_KINDS) {
    for (let i = 0; i < perKind; i++) {
      const pool = pop.people.filter((p) => !used.has(p.id));
      const day = startMs + rnd.int(warmupDays, Math.max(warmupDays, days - 7)) * DAY;
      const inj = builders[kind](pop, pool, day, rnd, `${kind}-${i + 1}`, used);
      used.add(inj.label.actor.id);
      // An attack starts with its first event: time to detect is measured from there.
      inj.label.start = inj.events[0]?.at ?? inj.label.start;
      out.push(inj);
    }
  }
  return out;
}
