import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, relative } from 'node:path';

/** One call found in a folder: its transcript, optional recording and metadata sidecar. */
export interface CallFiles {
  /** Path relative to the folder, without extension: the default external id. */
  name: string;
  transcript: string;
  recording?: string;
  meta?: string;
  bytes: number;
}

const TRANSCRIPT = /\.(json|vtt|srt|txt)$/i;
const SIDECAR = /\.meta\.json$/i;

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else if (e.isFile()) out.push(p);
  }
  return out.sort();
}

/**
 * Pairs the files of a folder (recursively) into calls by base name: `call-17.json` (or .vtt, .srt,
 * .txt) with `call-17.wav` when present, and `call-17.meta.json` ({externalId, agentRef, startedAt,
 * endedAt, channels}) when present. A recording without a transcript is reported, not sent.
 */
export async function findCalls(dir: string): Promise<{ calls: CallFiles[]; orphans: string[] }> {
  const files = await walk(dir);
  const byStem = new Map<string, { transcript?: string; recording?: string; meta?: string }>();
  const slot = (stem: string) => byStem.get(stem) ?? (byStem.set(stem, {}), byStem.get(stem)!);
  for (const f of files) {
    if (SIDECAR.test(f)) slot(f.replace(SIDECAR, '')).meta = f;
    else if (/\.wav$/i.test(f)) slot(f.slice(0, -4)).recording = f;
    else if (TRANSCRIPT.test(f)) slot(f.slice(0, -extname(f).length)).transcript = f;
  }
  const calls: CallFiles[] = [];
  const orphans: string[] = [];
  for (const [stem, s] of byStem) {
    if (!s.transcript) {
      if (s.recording) orphans.push(relative(dir, s.recording));
      continue;
    }
    const bytes = (await stat(s.transcript)).size + (s.recording ? (await stat(s.recording)).size : 0);
    calls.push({ name: relative(dir, stem) || basename(stem), transcript: s.transcript, ...(s.recording && { recording: s.recording }), ...(s.meta && { meta: s.meta }), bytes });
  }
  return { calls, orphans };
}

/** Same files, same key: a re-run of the same folder (or a retry) creates no duplicate calls. */
export async function idempotencyKey(call: CallFiles, transcript: string, metadata: string): Promise<string> {
  const h = createHash('sha256').update(call.name).update('\0').update(metadata).update('\0').update(transcript);
  if (call.recording) h.update('\0').update(String((await stat(call.recording)).size));
  return `cli-${h.digest('hex').slice(0, 40)}`;
}

export async function metadataOf(call: CallFiles): Promise<Record<string, unknown>> {
  if (!call.meta) return { externalId: call.name.slice(0, 200) };
  const parsed: unknown = JSON.parse(await readFile(call.meta, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('the .meta.json file is not a JSON object');
  return { externalId: call.name.slice(0, 200), ...(parsed as Record<string, unknown>) };
}
