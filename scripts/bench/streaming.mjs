// Peak memory while streaming a large JSONL archive through `callvault redact` (line by line).
import { createWriteStream, existsSync, statSync, unlinkSync } from 'node:fs';
import { once } from 'node:events';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDev } from './lib/corpus.mjs';

export const name = 'streaming';
export const order = 20;
export const description = 'peak RSS while streaming a large generated JSONL archive through the redact pipeline (--size-mb, default 1024; --quick 100)';

async function generate(root, path, targetBytes) {
  const dev = readDev(root).map((r) => r.turns.map((t) => ({ speaker: t.speaker, text: t.text })));
  const out = createWriteStream(path);
  let bytes = 0;
  for (let n = 0; bytes < targetBytes; n++) {
    const line = `${JSON.stringify({ id: `bench-${n}`, turns: dev[n % dev.length] })}\n`;
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return bytes;
}

export async function run(ctx) {
  const sizeMb = Number(ctx.value('size-mb') ?? (ctx.quick ? 100 : 1024));
  const path = join(tmpdir(), `callvault-bench-${sizeMb}mb.jsonl`);
  const target = sizeMb * 1024 * 1024;
  if (!existsSync(path) || statSync(path).size < target) await generate(ctx.root, path, target);
  const size = statSync(path).size;
  const child = spawnSync(process.execPath, [fileURLToPath(new URL('./lib/stream-child.mjs', import.meta.url)), ctx.root, path], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (!ctx.flag('keep')) unlinkSync(path);
  if (child.status !== 0) throw new Error(`stream child exited ${child.status}: ${child.stderr.slice(0, 500)}`);
  const r = JSON.parse(child.stdout);
  const mb = (b) => (b / 1024 / 1024).toFixed(0);
  const at = (share) => r.samples[Math.min(r.samples.length - 1, Math.floor(r.samples.length * share))]?.[1] ?? 0;
  console.log(`file: ${mb(size)} MB JSONL (${path}${ctx.flag('keep') ? ', kept' : ', deleted after'})`);
  console.log(`redacted in ${r.seconds.toFixed(1)} s = ${(size / 1e6 / r.seconds).toFixed(1)} MB/s, ${r.entities} entities, ${r.failures} bad lines`);
  console.log(`peak RSS: ${(r.maxRssKb / 1024).toFixed(0)} MB   RSS at 10% / 50% / 90% of the run: ${mb(at(0.1))} / ${mb(at(0.5))} / ${mb(at(0.9))} MB`);
}
