import { once } from 'node:events';
import { createReadStream, createWriteStream, renameSync, rmSync } from 'node:fs';
import { readFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import cliProgress from 'cli-progress';
import { buildDirectory, createDetector, EventFormatError, parseEvent, type Alert, type DirectoryEntry } from '../detection/index.js';
import { evaluate, formatReport, simulate, type EvaluationReport, type ScenarioLabel } from '../detection/simulation/index.js';

/** A problem with the command's input: exit 2, the message names the file, line and field. */
export class AnomaliesInputError extends Error {}

export interface AnomaliesIo {
  stdout: Writable;
  stderr: Writable;
  progress: boolean;
}

export interface AnomaliesRun {
  events: number;
  alerts: Alert[];
  seconds: number;
  report: EvaluationReport | null;
}

async function readJson(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new AnomaliesInputError(`${what} ${path} cannot be read`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new AnomaliesInputError(`${what} ${path} is not JSON`);
  }
}

async function readDirectory(path: string): Promise<DirectoryEntry[]> {
  const raw = await readJson(path, 'directory');
  if (!Array.isArray(raw) || raw.some((e) => typeof e?.id !== 'string' || (e.kind !== 'user' && e.kind !== 'api_key') || typeof e.role !== 'string' || !Array.isArray(e.brands))) {
    throw new AnomaliesInputError(`directory ${path}: expected [{ id, kind: "user"|"api_key", role, brands: [] }]`);
  }
  return raw as DirectoryEntry[];
}

async function write(out: Writable, line: string): Promise<void> {
  if (!out.write(line)) await once(out, 'drain');
}

/**
 * `callvault anomalies --events f.jsonl`: replays exported audit events (time order) through the
 * detector and writes each alert as one JSON line when it is raised. With labels (what
 * `callvault simulate --out` writes) it also scores the run.
 */
export async function runAnomalies(opts: { events: string; directory?: string; labels?: string; out?: string }, io: AnomaliesIo): Promise<AnomaliesRun> {
  const directory = opts.directory ? await readDirectory(opts.directory) : [];
  const labels = opts.labels ? ((await readJson(opts.labels, 'labels')) as { users?: number; days?: number; scenarios?: ScenarioLabel[] }) : null;
  if (labels && (!Array.isArray(labels.scenarios) || typeof labels.users !== 'number' || typeof labels.days !== 'number')) {
    throw new AnomaliesInputError(`labels ${opts.labels}: expected { users, days, scenarios: [...] } as callvault simulate writes`);
  }
  const input = createReadStream(opts.events);
  const opened = new Promise<void>((resolve, reject) => {
    input.once('open', () => resolve());
    input.once('error', () => reject(new AnomaliesInputError(`events ${opts.events} cannot be read`)));
  });
  await opened;
  const detector = createDetector({ directory: buildDirectory(directory) });
  const tmp = opts.out ? `${opts.out}.partial` : null;
  const out = tmp ? createWriteStream(tmp) : io.stdout;
  const started = process.hrtime.bigint();
  let line = 0;
  let events = 0;
  try {
    for await (const text of createInterface({ input, crlfDelay: Infinity })) {
      line++;
      if (text.trim() === '') continue;
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch {
        throw new AnomaliesInputError(`events ${opts.events} line ${line}: not JSON`);
      }
      let e;
      try {
        e = parseEvent(raw);
      } catch (err) {
        throw new AnomaliesInputError(`events ${opts.events} line ${line}: ${err instanceof EventFormatError ? err.message : 'invalid event'}`);
      }
      events++;
      for (const alert of detector.observe(e)) await write(out, `${JSON.stringify(alert)}\n`);
    }
    if (tmp) {
      out.end();
      await once(out, 'finish');
      renameSync(tmp, opts.out!);
    }
  } catch (err) {
    if (tmp) {
      out.destroy();
      rmSync(tmp, { force: true });
    }
    throw err;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const alerts = detector.alerts();
  const report = labels ? evaluate(alerts, labels.scenarios!, labels.users!, labels.days!) : null;
  return { events, alerts, seconds, report };
}

export interface SimulateFlags {
  users: number;
  weeks: number;
  seed: number;
  perKind: number;
  out?: string;
  evaluate: boolean;
}

/**
 * `callvault simulate`: weeks of a BPO's audit traffic with labelled attacks. `--out` writes
 * events.jsonl (the export schema), directory.json and labels.json; `--evaluate` runs the
 * detector over the stream and reports precision, recall and time to detect.
 */
export async function runSimulate(flags: SimulateFlags, io: AnomaliesIo): Promise<{ events: number; report: EvaluationReport | null; seconds: number }> {
  const sim = simulate({ users: flags.users, weeks: flags.weeks, seed: flags.seed, perKind: flags.perKind });
  const detector = flags.evaluate ? createDetector({ directory: buildDirectory(sim.directory) }) : null;
  let out: Writable | null = null;
  if (flags.out) {
    await mkdir(flags.out, { recursive: true });
    out = createWriteStream(join(flags.out, 'events.jsonl.partial'));
  }
  const bar = io.progress ? new cliProgress.SingleBar({ format: 'simulate |{bar}| day {value}/{total} | {events} events | {alerts} alerts', hideCursor: true }, cliProgress.Presets.shades_classic) : null;
  bar?.start(sim.days, 0, { events: 0, alerts: 0 });
  const started = process.hrtime.bigint();
  let events = 0;
  let day = -1;
  for (const e of sim.events()) {
    events++;
    detector?.observe(e);
    if (out) {
      const { id, at, ...rest } = e;
      const [chainId, seq] = id.split(':');
      await write(out, `${JSON.stringify({ chainId, seq: Number(seq), at: new Date(at).toISOString(), ...rest })}\n`);
    }
    const d = Math.floor((e.at - Date.UTC(2026, 2, 2)) / 86_400_000);
    if (d !== day) {
      day = d;
      bar?.update(Math.min(d, sim.days), { events, alerts: detector?.alerts().length ?? 0 });
    }
  }
  bar?.update(sim.days, { events, alerts: detector?.alerts().length ?? 0 });
  bar?.stop();
  if (out && flags.out) {
    out.end();
    await once(out, 'finish');
    renameSync(join(flags.out, 'events.jsonl.partial'), join(flags.out, 'events.jsonl'));
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(flags.out, 'directory.json'), `${JSON.stringify(sim.directory, null, 1)}\n`);
    await writeFile(join(flags.out, 'labels.json'), `${JSON.stringify({ users: sim.users, days: sim.days, seed: flags.seed, scenarios: sim.labels }, null, 1)}\n`);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { events, seconds, report: detector ? evaluate(detector.alerts(), sim.labels, sim.users, sim.days) : null };
}

export { formatReport };
