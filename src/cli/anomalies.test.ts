import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { AnomaliesInputError, runAnomalies, runSimulate } from './anomalies-run.js';

function sink(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  return { stream: new Writable({ write: (c, _e, cb) => (chunks.push(String(c)), cb()) }), text: () => chunks.join('') };
}
const io = () => {
  const out = sink();
  return { io: { stdout: out.stream, stderr: sink().stream, progress: false }, out };
};

describe('callvault simulate and callvault anomalies', () => {
  const dir = mkdtempSync(join(tmpdir(), 'callvault-anomalies-'));

  it('simulate --out writes events in the export schema, the directory and the labels; anomalies replays them to the same alerts', async () => {
    const sim = await runSimulate({ users: 120, weeks: 2, seed: 3, perKind: 1, out: dir, evaluate: true }, io().io);
    const first = JSON.parse(readFileSync(join(dir, 'events.jsonl'), 'utf8').split('\n')[0]!);
    expect(Object.keys(first)).toEqual(expect.arrayContaining(['chainId', 'seq', 'at', 'actor', 'action', 'outcome']));
    const { io: i, out } = io();
    const r = await runAnomalies({ events: join(dir, 'events.jsonl'), directory: join(dir, 'directory.json'), labels: join(dir, 'labels.json') }, i);
    expect(r.events).toBe(sim.events);
    const printed = out.text().trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
    expect(printed.length).toBe(r.alerts.length);
    expect(r.report!.recall).toBe(sim.report!.recall);
    expect(r.report!.alerts).toBe(sim.report!.alerts);
  });

  it('stops at a bad line, naming the line and the field, and leaves no partial output', async () => {
    const bad = join(dir, 'bad.jsonl');
    const good = { chainId: 'b', seq: 1, at: '2026-03-02T10:00:00Z', actor: { kind: 'user', id: 'u' }, action: 'call.read', outcome: 'success' };
    writeFileSync(bad, `${JSON.stringify(good)}\n${JSON.stringify({ ...good, seq: 2, actor: { kind: 'user' } })}\n`);
    const out = join(dir, 'alerts.jsonl');
    await expect(runAnomalies({ events: bad, out }, io().io)).rejects.toThrow(/line 2: actor\.id/);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(`${out}.partial`)).toBe(false);
    writeFileSync(bad, 'not json\n');
    await expect(runAnomalies({ events: bad }, io().io)).rejects.toThrow(/line 1: not JSON/);
    await expect(runAnomalies({ events: join(dir, 'missing.jsonl') }, io().io)).rejects.toThrow(AnomaliesInputError);
  });
});
