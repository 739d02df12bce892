import { describe, expect, it } from 'vitest';
import { agent, DAY, ev, history, HOUR, read, run, T0 } from './detector.test-helpers.js';
import type { DetectionEvent } from './events.js';

const DAYS = 14;
const at = (day: number, hour: number, minute = 0): number => T0 + day * DAY + hour * HOUR + minute * 60_000;
const team = ['u1', 'u2', 'u3', 'u4', 'u5'];
const directory = team.map((id) => agent(id));
/** Two weeks of ordinary work by five agents of one brand. */
const normal = (): DetectionEvent[] => team.flatMap((id, i) => history(id, { days: DAYS, perHour: 6 + i }));
const rulesOf = (alerts: { rules: string[] }[]): string[] => alerts.flatMap((a) => a.rules);

describe('unusual-access detector', () => {
  it('raises nothing on two weeks of ordinary work (the negative of every rule)', () => {
    expect(run(normal(), directory).alerts).toEqual([]);
  });

  it('flags bulk reading within minutes, with the events as evidence and no record ids in the reasons', () => {
    const scrape = Array.from({ length: 300 }, (_, i) => read(at(DAYS, 10) + i * 10_000, 'u1'));
    const { alerts } = run([...normal(), ...history('u1', { days: 1 }).map((e) => ({ ...e, at: e.at + DAYS * DAY })), ...scrape], directory);
    expect(alerts).toHaveLength(1);
    const [a] = alerts;
    expect(a!.rules).toContain('record_volume');
    expect(Date.parse(a!.raisedAt) - at(DAYS, 10)).toBeLessThan(15 * 60_000);
    const ids = new Set(scrape.map((e) => e.id));
    expect(a!.evidence.some((id) => ids.has(id))).toBe(true);
    const targets = scrape.map((e) => e.target!.id);
    for (const r of a!.reasons) for (const t of targets.slice(0, 50)) expect(r).not.toContain(t);
  });

  it('keeps one alert open while the same behaviour goes on (de-duplicated, evidence capped)', () => {
    const scrape = Array.from({ length: 2000 }, (_, i) => read(at(DAYS, 9) + i * 5_000, 'u1'));
    const { alerts } = run([...normal(), ...scrape], directory);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.evidence.length).toBeLessThanOrEqual(200);
  });

  it('flags reading twice as many customers as usual, day after day, below any hourly threshold', () => {
    const extra = Array.from({ length: 4 }, (_, d) => Array.from({ length: 64 }, (_, i) => read(at(DAYS + d, 9, 5) + i * 7 * 60_000, 'u3'))).flat();
    const later = history('u3', { days: DAYS + 4, perHour: 8 }).filter((e) => e.at >= T0 + DAYS * DAY);
    const { alerts } = run([...normal(), ...later, ...extra], directory);
    expect(rulesOf(alerts)).toContain('record_breadth');
    expect(rulesOf(alerts)).not.toContain('record_volume');
  });

  it('lets baselines adapt: a user whose job now needs twice the reading stops alerting', () => {
    const events = [...history('u1', { days: 10, perHour: 8 }), ...history('u1', { days: 60, perHour: 16 }).filter((e) => e.at >= T0 + 10 * DAY)];
    const { alerts } = run(events, [agent('u1')]);
    expect(alerts.filter((a) => Date.parse(a.raisedAt) > T0 + 40 * DAY)).toEqual([]);
  });

  it('flags a sign-in at night from a new provider network, but neither alone', () => {
    const night = (ip: string, hour: number): DetectionEvent[] => [ev(at(DAYS, hour), 'u2', 'auth.login', { ip, brandId: null }), ...Array.from({ length: 8 }, (_, i) => read(at(DAYS, hour, 2 + i), 'u2', { ip }))];
    const both = run([...normal(), ...night('45.77.1.9', 2)], directory).alerts;
    expect(both).toHaveLength(1);
    expect(both[0]!.rules).toEqual(expect.arrayContaining(['new_network', 'off_hours']));
    expect(run([...normal(), ...night('81.2.69.10', 2)], directory).alerts).toEqual([]);
    expect(run([...normal(), ...night('45.77.1.9', 11)], directory).alerts).toEqual([]);
  });

  it('flags probing of other brands; one stray denial is not an alert', () => {
    const probes = ['br_b', 'br_c', 'br_d', 'br_b', 'br_e', 'br_c'].map((b, i) => ev(at(DAYS - 1, 11, i * 2), 'u4', 'call.read', { brandId: b, outcome: 'denied', target: { type: 'call', id: `c${i}` } }));
    const a = run([...normal(), ...probes], directory).alerts;
    expect(rulesOf(a)).toEqual(['denials']);
    expect(a[0]!.reasons[0]).toMatch(/brands outside its own/);
    expect(run([...normal(), probes[0]!], directory).alerts).toEqual([]);
  });

  it('flags runs of failed passwords and MFA codes, and guessing across accounts from one address', () => {
    const pw = Array.from({ length: 6 }, (_, i) => ev(at(3, 8, i), 'u5', 'auth.login', { outcome: 'failure', brandId: null, details: { reason: 'bad_password' } }));
    expect(rulesOf(run([...normal(), ...pw], directory).alerts)).toEqual(['login_failures']);
    expect(run([...normal(), ...pw.slice(0, 2)], directory).alerts).toEqual([]);
    const mfa = Array.from({ length: 3 }, (_, i) => ev(at(3, 9, i), 'u5', 'auth.mfa', { outcome: 'failure', brandId: null }));
    expect(rulesOf(run([...normal(), ...mfa], directory).alerts)).toEqual(['login_failures']);
    const spray = Array.from({ length: 20 }, (_, i) => ev(at(3, 3, i / 2), 'anon', 'auth.login', { actor: { kind: 'anonymous', id: 'anonymous' }, outcome: 'failure', brandId: null, ip: '203.0.113.7', details: { reason: 'unknown_user' } }));
    const s = run(spray).alerts;
    expect(s).toHaveLength(1);
    expect(s[0]!.actor).toEqual({ kind: 'network', id: '203.0.113.7' });
  });

  it('flags an API key used from a new network or far above its usual rate', () => {
    const key = (from: number, days: number, perTenMinutes: number, ip = '172.16.5.10'): DetectionEvent[] =>
      Array.from({ length: days * 144 * perTenMinutes }, (_, i) =>
        ev(from + (i * 600_000) / perTenMinutes, 'key_1', 'call.ingest', { actor: { kind: 'api_key', id: 'key_1' }, ip, target: { type: 'call', id: `k${i}` } }),
      );
    const usual = key(T0, 3, 4);
    expect(run(usual).alerts).toEqual([]);
    expect(rulesOf(run([...usual, ...key(T0 + 3 * DAY, 1, 4, '198.51.100.20').slice(0, 5)]).alerts)).toContain('new_network');
    const flood = Array.from({ length: 200 }, (_, i) => ev(T0 + 3 * DAY + i * 2_000, 'key_1', 'call.ingest', { actor: { kind: 'api_key', id: 'key_1' }, ip: '172.16.5.10', target: { type: 'call', id: `f${i}` } }));
    expect(rulesOf(run([...usual, ...flood]).alerts)).toContain('api_key_rate');
  });

  it('flags repeated break-glass requests; one is routine', () => {
    const sup = { id: 's1', kind: 'user' as const, role: 'supervisor', brands: ['br_a'] };
    const base = history('s1', { days: DAYS, perHour: 2 });
    const bg = (n: number): DetectionEvent[] => Array.from({ length: n }, (_, i) => ev(at(DAYS - 1, 10, i * 20), 's1', 'breakglass.request', { target: { type: 'call', id: `b${i}` } }));
    expect(rulesOf(run([...base, ...bg(4)], [sup]).alerts)).toContain('break_glass');
    expect(run([...base, ...bg(1)], [sup]).alerts).toEqual([]);
  });

  it('flags payment sessions started and abandoned unusually often', () => {
    const pays = (n: number, abandoned: number): DetectionEvent[] =>
      Array.from({ length: n }, (_, i) => [
        ev(at(5, 10, i * 4), 'u1', 'payment.session.create', { target: { type: 'payment', id: `p${i}` } }),
        ev(at(5, 10, i * 4 + 2), 'u1', i < abandoned ? 'payment.session.cancelled' : 'payment.session.succeeded', { target: { type: 'payment', id: `p${i}` } }),
      ]).flat();
    expect(rulesOf(run([...normal(), ...pays(12, 10)], directory).alerts)).toContain('payment_abandonment');
    expect(run([...normal(), ...pays(12, 2)], directory).alerts).toEqual([]);
  });

  it('flags success on a brand the directory does not give the user', () => {
    const a = run([...normal(), read(at(DAYS - 1, 10), 'u2', { brandId: 'br_z' })], directory).alerts;
    expect(rulesOf(a)).toEqual(['new_brand']);
  });

  it('weighs a first export by how rare it is among peers: with off-hours it alerts', () => {
    const exp = ev(at(DAYS - 1, 23), 'u1', 'call.export', { target: null, details: { count: 200 } });
    const a = run([...normal(), exp], directory).alerts;
    expect(a[0]!.rules).toEqual(expect.arrayContaining(['first_sensitive_action', 'off_hours']));
    expect(a[0]!.reasons.join(' ')).toMatch(/first call\.export/);
  });
});
