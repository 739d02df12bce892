import type { DetectionEvent } from '../events.js';
import type { Integration, Person, Population } from './population.js';
import type { Random } from './random.js';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** A simulated event before it gets its chain position (assigned in time order on output). */
export type SimEvent = Omit<DetectionEvent, 'id'>;

export function event(at: number, actor: { kind: string; id: string }, action: string, brandId: string | null, outcome = 'success', ip: string | null = null, target: { type: string; id: string } | null = null, details: SimEvent['details'] = {}): SimEvent {
  return { at: Math.round(at), actor, action, brandId, target, outcome, ip, details };
}

/** The address a person uses today: mostly their usual one, now and then another in their provider, rarely a new provider. */
export function addressToday(p: Person, rnd: Random): string {
  if (p.office) return `${p.narrow}.${rnd.int(2, 250)}`;
  if (rnd.chance(0.003)) return `${rnd.int(60, 220)}.${rnd.int(0, 255)}.${rnd.int(0, 255)}.${rnd.int(2, 250)}`;
  if (rnd.chance(0.08)) return `${p.wide}.${rnd.int(0, 255)}.${rnd.int(2, 250)}`;
  return `${p.narrow}.${rnd.int(2, 250)}`;
}

/** Signing in: now and then a mistyped password or MFA code first. */
function signIn(out: SimEvent[], p: Person, at: number, ip: string, rnd: Random): number {
  const actor = { kind: 'user', id: p.id };
  const typos = rnd.chance(0.04) ? (rnd.chance(0.85) ? 1 : rnd.int(2, 3)) : 0;
  for (let i = 0; i < typos; i++) out.push(event((at += rnd.between(4e3, 20e3)), actor, 'auth.login', null, 'failure', ip, null, { reason: 'bad_password' }));
  out.push(event((at += rnd.between(3e3, 9e3)), actor, 'auth.login', null, 'success', ip, null, { status: 'mfa_required' }));
  if (rnd.chance(0.02)) out.push(event((at += rnd.between(5e3, 20e3)), actor, 'auth.mfa', null, 'failure', ip, null, { reason: 'invalid' }));
  out.push(event((at += rnd.between(5e3, 20e3)), actor, 'auth.mfa', null, 'success', ip));
  return at;
}

/** One working day of one person, from sign-in to sign-out. */
export function personDay(pop: Population, p: Person, dayStart: number, rnd: Random): SimEvent[] {
  const weekday = new Date(dayStart).getUTCDay();
  if (p.daysOff.includes(weekday) || rnd.chance(0.05)) return [];
  const out: SimEvent[] = [];
  const actor = { kind: 'user', id: p.id };
  const ip = addressToday(p, rnd);
  // Now and then someone covers another shift, starts late or stays late.
  const cover = p.role === 'agent' && rnd.chance(0.01) ? rnd.pick([-8, 8, 5, -5]) : 0;
  // Never before the day being generated (the previous day has been written out already).
  const start = Math.max(dayStart, dayStart + (p.shiftStart + cover + rnd.between(-0.3, 0.3)) * HOUR);
  const end = start + (p.shiftHours + (rnd.chance(0.06) ? rnd.between(0.5, 2) : 0)) * HOUR;
  const lunch = start + rnd.between(3.5, 5) * HOUR;
  const lunchEnd = lunch + rnd.between(0.5, 1) * HOUR;
  let at = signIn(out, p, start, ip, rnd);
  // People are busier on some days than others.
  const rate = RATE[p.role] * p.pace * rnd.between(0.8, 1.2);
  while ((at += rnd.gapMs(rate)) < end) {
    if (at > lunch && at < lunchEnd) continue;
    work(out, pop, p, at, ip, rnd);
  }
  out.push(event(end + rnd.between(0, 120e3), actor, 'auth.logout', null, 'success', ip));
  return out;
}

/** Units of work an hour: calls handled, calls reviewed, checks done. */
const RATE: Record<Person['role'], number> = { agent: 7, qa_reviewer: 5, supervisor: 3, security_admin: 2, auditor: 1.5 };

function work(out: SimEvent[], pop: Population, p: Person, at: number, ip: string, rnd: Random): void {
  const actor = { kind: 'user', id: p.id };
  const brand = rnd.pick(p.brands);
  const call = { type: 'call', id: rnd.recordId('call') };
  const t = (): number => (at += rnd.between(5e3, 90e3));
  switch (p.role) {
    case 'agent': {
      // An agent opens the customer's earlier calls while talking to them: one to three reads.
      const reads = rnd.weighted([
        [1, 5],
        [2, 3],
        [3, 2],
      ]);
      for (let i = 0; i < reads; i++) out.push(event(t(), actor, 'call.read', brand, 'success', ip, call, { status: 'ready' }));
      if (rnd.chance(0.05)) out.push(event(t(), actor, 'call.play', brand, 'success', ip, call));
      if (pop.paymentBrands.has(brand) && rnd.chance(0.2)) {
        const pay = { type: 'payment', id: rnd.recordId('pay') };
        out.push(event(t(), actor, 'payment.session.create', brand, 'success', ip, pay));
        const end = rnd.weighted([
          ['payment.session.succeeded', 85],
          ['payment.session.cancelled', 10],
          ['payment.session.expired', 5],
        ]);
        out.push(event((at += rnd.between(40e3, 180e3)), actor, end, brand, 'success', ip, pay));
      }
      if (rnd.chance(0.003)) out.push(event(t(), actor, 'call.original.request', brand, 'denied', ip, call, { permission: 'call.original.request' }));
      if (rnd.chance(0.0005)) out.push(event(t(), actor, 'call.read', rnd.pick(pop.brands), 'denied', ip, call, { permission: 'call.read' }));
      return;
    }
    case 'qa_reviewer':
      if (rnd.chance(0.3)) out.push(event(t(), actor, 'call.list', brand, 'success', ip, null, { count: 50 }));
      out.push(event(t(), actor, 'call.read', brand, 'success', ip, call, { status: 'ready' }));
      if (rnd.chance(0.7)) out.push(event(t(), actor, 'call.play', brand, 'success', ip, call));
      if (p.downloads && rnd.chance(0.08)) out.push(event(t(), actor, 'call.txt', brand, 'success', ip, call));
      if (rnd.chance(0.8)) out.push(event(t(), actor, 'call.score', brand, 'success', ip, call, { score: rnd.int(40, 100) }));
      return;
    case 'supervisor':
      if (rnd.chance(0.5)) out.push(event(t(), actor, 'call.list', brand, 'success', ip, null, { count: 50 }));
      if (rnd.chance(0.6)) out.push(event(t(), actor, 'call.read', brand, 'success', ip, call, { status: 'ready' }));
      if (rnd.chance(0.3)) out.push(event(t(), actor, 'user.read', brand, 'success', ip));
      if (rnd.chance(0.006)) {
        out.push(event(t(), actor, 'breakglass.request', brand, 'success', ip, call));
        out.push(event(t(), actor, 'call.original.read', brand, 'success', ip, call));
      }
      if (p.downloads && rnd.chance(0.05)) out.push(event(t(), actor, 'call.download', brand, 'success', ip, call));
      if (p.exports && rnd.chance(0.004)) out.push(event(t(), actor, 'call.export', brand, 'success', ip, null, { count: rnd.int(20, 200) }));
      return;
    case 'security_admin':
      out.push(event(t(), actor, rnd.pick(['audit.read', 'user.read', 'brand.read', 'key.status', 'apikey.manage']), rnd.chance(0.5) ? null : brand, 'success', ip));
      if (rnd.chance(0.03)) out.push(event(t(), actor, 'audit.export', null, 'success', ip));
      return;
    case 'auditor':
      out.push(event(t(), actor, 'audit.read', rnd.chance(0.3) ? null : brand, 'success', ip, null, { returned: rnd.int(10, 500) }));
      if (rnd.chance(0.05)) out.push(event(t(), actor, 'audit.export', brand, 'success', ip));
      return;
  }
}

/** An integration's day: calls handed over all day, following the contact center's hours. */
export function integrationDay(k: Integration, dayStart: number, rnd: Random): SimEvent[] {
  const out: SimEvent[] = [];
  const actor = { kind: 'api_key', id: k.id };
  for (let h = 0; h < 24; h++) {
    // Busy 8:00–20:00 UTC, a quieter evening, a trickle at night.
    const rate = k.peakPerHour * (h >= 8 && h < 20 ? 1 : h >= 6 && h < 23 ? 0.4 : 0.05);
    let at = dayStart + h * HOUR;
    const stop = at + HOUR;
    while ((at += rnd.gapMs(rate)) < stop) {
      out.push(event(at, actor, 'call.ingest', k.brand, 'success', rnd.pick(k.addresses), { type: 'call', id: rnd.recordId('call') }, { format: 'conversation' }));
    }
  }
  return out;
}
