import { openAsBlob } from 'node:fs';
import { readFile } from 'node:fs/promises';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { findCalls, idempotencyKey, metadataOf, type CallFiles } from './ingest-files.js';

interface IngestFlags {
  server: string;
  key?: string;
  keyEnv: string;
  brand?: string;
  concurrency: string;
}

type Outcome = { kind: 'sent' | 'duplicate' } | { kind: 'failed'; reason: string };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** POSTs one call; retries network errors, 429 and 5xx (the Idempotency-Key makes that safe). */
async function sendCall(base: string, brandId: string, token: string, call: CallFiles): Promise<Outcome> {
  let transcript: string;
  let metadata: string;
  try {
    transcript = await readFile(call.transcript, 'utf8');
    metadata = JSON.stringify(await metadataOf(call));
  } catch (err) {
    return { kind: 'failed', reason: err instanceof SyntaxError ? 'bad .meta.json' : 'unreadable file' };
  }
  const key = await idempotencyKey(call, transcript, metadata);
  for (let attempt = 1; ; attempt++) {
    const form = new FormData();
    form.append('metadata', metadata);
    form.append('transcript', new Blob([transcript]), 'transcript');
    if (call.recording) form.append('recording', await openAsBlob(call.recording, { type: 'audio/wav' }), 'recording.wav');
    try {
      const res = await fetch(`${base}/api/v1/brands/${encodeURIComponent(brandId)}/calls`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'idempotency-key': key }, body: form });
      const body = (await res.json().catch(() => ({}))) as { error?: string; message?: string; duplicate?: boolean };
      if (res.ok) return { kind: body.duplicate ? 'duplicate' : 'sent' };
      if ((res.status === 429 || res.status >= 500) && attempt < 4) {
        await sleep(500 * 2 ** attempt);
        continue;
      }
      return { kind: 'failed', reason: `${res.status} ${body.error ?? ''}: ${body.message ?? ''}`.trim() };
    } catch {
      if (attempt < 4) {
        await sleep(500 * 2 ** attempt);
        continue;
      }
      return { kind: 'failed', reason: 'server unreachable' };
    }
  }
}

/**
 * `callvault ingest <dir> --server URL --key KEY`: pushes a folder of calls (transcript + recording
 * pairs) to a callvault server with an integration key (scope call.ingest), with a progress bar
 * and a summary. Re-running it on the same folder sends nothing twice. Exit 1 when any call failed.
 */
export function registerIngestCommand(program: Command): void {
  program
    .command('ingest')
    .description('push a folder of calls (transcript + optional .wav recording + optional .meta.json) to a callvault server')
    .argument('<dir>', 'folder of calls, searched recursively')
    .requiredOption('--server <url>', 'callvault server, e.g. https://callvault.example.com')
    .option('--key <token>', 'integration API key (cvk_…) with scope call.ingest')
    .option('--key-env <name>', 'environment variable holding the key instead of --key', 'CALLVAULT_API_KEY')
    .option('--brand <id>', "the brand's id (default: the key's brand, when the key may read brands)")
    .option('--concurrency <n>', 'calls sent at once', '4')
    .action(async (dir: string, flags: IngestFlags) => {
      const token = flags.key ?? process.env[flags.keyEnv];
      const base = flags.server.replace(/\/+$/, '');
      const concurrency = Number(flags.concurrency);
      if (!token) return fail(`no API key: pass --key or set ${flags.keyEnv}`);
      if (!/^https?:\/\//.test(base)) return fail('--server must be an http:// or https:// URL');
      if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 32) return fail('--concurrency must be 1 to 32');
      let found;
      try {
        found = await findCalls(dir);
      } catch {
        return fail(`cannot read the folder ${dir}`);
      }
      const brandId = flags.brand ?? (await keyBrand(base, token));
      if (!brandId) return fail('pass --brand <id>: the key cannot list its brand (give it brand.read, or name the brand)');
      for (const o of found.orphans) process.stderr.write(`skipped ${o}: a recording without a transcript\n`);

      const totalBytes = found.calls.reduce((n, c) => n + c.bytes, 0);
      const bar = process.stderr.isTTY
        ? new cliProgress.SingleBar({ format: 'ingest |{bar}| {value}/{total} calls | {mb} MB | {failed} failed | ETA {eta_formatted}', hideCursor: true }, cliProgress.Presets.shades_classic)
        : undefined;
      bar?.start(found.calls.length, 0, { mb: '0.0', failed: 0 });
      const counts = { sent: 0, duplicate: 0, failed: 0 };
      const failures: string[] = [];
      let doneBytes = 0;
      let next = 0;
      const started = Date.now();
      const worker = async () => {
        while (next < found.calls.length) {
          const call = found.calls[next++]!;
          const r = await sendCall(base, brandId, token, call);
          counts[r.kind]++;
          if (r.kind === 'failed') failures.push(`${call.name}: ${r.reason}`);
          doneBytes += call.bytes;
          bar?.increment(1, { mb: (doneBytes / 1e6).toFixed(1), failed: counts.failed });
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(found.calls.length, 1)) }, worker));
      bar?.stop();
      for (const f of failures) process.stderr.write(`failed ${f}\n`);
      const seconds = (Date.now() - started) / 1000;
      process.stdout.write(
        `ingest: ${found.calls.length} calls (${(totalBytes / 1e6).toFixed(1)} MB) in ${seconds.toFixed(1)} s: ${counts.sent} sent, ${counts.duplicate} already there, ${counts.failed} failed\n`,
      );
      process.exitCode = counts.failed > 0 ? 1 : 0;
    });
}

async function keyBrand(base: string, token: string): Promise<string | undefined> {
  try {
    const res = await fetch(`${base}/api/v1/brands`, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) return undefined;
    const { items } = (await res.json()) as { items: { id: string }[] };
    return items.length === 1 ? items[0]!.id : undefined;
  } catch {
    return undefined;
  }
}

function fail(message: string): void {
  process.stderr.write(`callvault ingest: ${message}\n`);
  process.exitCode = 2;
}
