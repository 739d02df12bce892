// Unusual-access detector: audit events scored per second on one core (events generated ahead,
// only the scoring timed), peak RSS, JSONL replay speed (`callvault anomalies`: parse + validate +
// score), and detection quality on simulated traffic next to a static-threshold rule set (what a
// SIEM's out-of-the-box rules do: fixed limits, no baselines) on the same events.
import { mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const name = 'detection';
export const order = 40;
export const description = 'unusual-access detector: events scored/s on one core, peak RSS, JSONL replay, precision/recall vs static thresholds (1,000 users × 4 weeks; --quick: 400 × 2)';

/** Fixed thresholds, no memory beyond short windows: > 100 reads an hour, ≥ 5 denials in 30 min, ≥ 5 failed sign-ins in 15 min, ≥ 3 break-glass a day, a key > 100 requests in 10 min. */
function staticRules() {
  const win = new Map();
  const alerts = [];
  const open = new Map();
  const hit = (key, at, span, limit) => {
    let a = win.get(key);
    if (!a) win.set(key, (a = []));
    a.push(at);
    while (a[0] < at - span) a.shift();
    return a.length >= limit;
  };
  return {
    observe(e) {
      const who = `${e.actor.kind}:${e.actor.id}`;
      let fired = false;
      if (e.outcome === 'success' && e.target && e.action.endsWith('.read')) fired ||= hit(`r:${who}`, e.at, 3_600_000, 100);
      if (e.outcome === 'denied') fired ||= hit(`d:${who}`, e.at, 1_800_000, 5);
      if (e.outcome === 'failure' && e.action.startsWith('auth.')) fired ||= hit(`f:${who}`, e.at, 900_000, 5);
      if (e.action === 'breakglass.request') fired ||= hit(`b:${who}`, e.at, 86_400_000, 3);
      if (e.actor.kind === 'api_key') fired ||= hit(`k:${who}`, e.at, 600_000, 100);
      if (fired && !(open.get(who) > e.at)) {
        open.set(who, e.at + 86_400_000);
        alerts.push({ actor: e.actor, raisedAt: new Date(e.at).toISOString() });
      }
    },
    alerts: () => alerts,
  };
}

export async function run(ctx) {
  const det = await import(pathToFileURL(join(ctx.root, 'dist', 'detection', 'index.js')).href);
  const sim = await import(pathToFileURL(join(ctx.root, 'dist', 'detection', 'simulation', 'index.js')).href);
  const users = ctx.quick ? 400 : 1000;
  const weeks = ctx.quick ? 2 : 4;
  const s = sim.simulate({ users, weeks, seed: 7 });
  const detector = det.createDetector({ directory: det.buildDirectory(s.directory) });
  const naive = staticRules();
  let events = 0;
  let scoringNs = 0n;
  let batch = [];
  const flush = () => {
    const t = process.hrtime.bigint();
    for (const e of batch) detector.observe(e);
    scoringNs += process.hrtime.bigint() - t;
    for (const e of batch) naive.observe(e);
    events += batch.length;
    batch = [];
  };
  for (const e of s.events()) {
    batch.push(e);
    if (batch.length === 50_000) flush();
  }
  flush();
  const seconds = Number(scoringNs) / 1e9;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  console.log(`${users} users, ${s.days} days, ${events} audit events, ${s.labels.length} injected attacks`);
  console.log(`scoring: ${Math.round(events / seconds).toLocaleString('en')} events/s on one core (${seconds.toFixed(2)} s), peak RSS of this process ${Math.round(rssMb)} MB (includes the simulator)`);
  const ours = sim.evaluate(detector.alerts(), s.labels, s.users, s.days);
  const theirs = sim.evaluate(naive.alerts(), s.labels, s.users, s.days);
  const row = (label, r) =>
    `${label.padEnd(22)} precision ${r.precision.toFixed(3)}  recall ${r.recall.toFixed(3)}  ≤1 h ${r.kinds.reduce((n, k) => n + k.withinFirstHour, 0)}/${s.labels.length}  false/1k users/day ${r.falseAlertsPer1000UsersPerDay.toFixed(2)}  alerts ${r.alerts}`;
  console.log(row('callvault detector', ours));
  console.log(row('static thresholds', theirs));
  console.log('per scenario (caught, within 1 h; callvault | static):');
  for (const [i, k] of ours.kinds.entries()) {
    const t = theirs.kinds[i];
    console.log(`  ${k.kind.padEnd(22)} ${k.detected}/${k.scenarios}, ${k.withinFirstHour}  |  ${t.detected}/${t.scenarios}, ${t.withinFirstHour}`);
  }

  // Replay through the CLI: JSON parse + schema check + scoring, as `callvault anomalies` runs it.
  const dir = mkdtempSync(join(tmpdir(), 'callvault-bench-detect-'));
  try {
    const bin = join(ctx.root, 'bin', 'callvault.js');
    const gen = spawnSync(process.execPath, [bin, 'simulate', '--users', '400', '--weeks', ctx.quick ? '1' : '2', '--out', dir], { encoding: 'utf8' });
    if (gen.status !== 0) throw new Error(`simulate failed: ${gen.stderr.slice(0, 300)}`);
    const rep = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, bin, 'anomalies', '--events', join(dir, 'events.jsonl'), '--directory', join(dir, 'directory.json'), '--out', join(dir, 'alerts.jsonl')], { encoding: 'utf8' });
    const lines = rep.stderr.trim().split('\n');
    const peakKb = Number(lines.at(-1));
    console.log(`replay (callvault anomalies, JSONL in): ${lines.find((l) => l.includes('events scored')) ?? rep.stderr.slice(0, 200)}; peak RSS ${Number.isFinite(peakKb) ? `${Math.round(peakKb / 1024)} MB` : 'n/a (no /usr/bin/time)'}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
