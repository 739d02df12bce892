// Throughput (MB/s on one core) and leak recall on dev-synthetic, callvault and its peers side by side.
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { buildCorpus, plainText, readDev } from './lib/corpus.mjs';
import { loadTools } from './lib/peers.mjs';

export const name = 'redaction';
export const order = 10;
export const description = 'MB/s on one core over the same >= 5 MB of transcripts, and leak recall on dev-synthetic, per tool';

const now = () => Number(process.hrtime.bigint()) / 1e9;

async function throughput(tool, corpus, capSeconds) {
  for (const conv of corpus.slice(0, 30)) await tool.redact(conv); // warm-up (JIT, lazy tables)
  let bytes = 0;
  let entities = 0;
  const t0 = now();
  for (const conv of corpus) {
    const r = await tool.redact(conv);
    if (r && typeof r === 'object' && 'edits' in r) entities += r.edits.length;
    bytes += Buffer.byteLength(plainText(conv));
    if (now() - t0 > capSeconds) break;
  }
  return { mb: bytes / 1e6, seconds: now() - t0 };
}

async function leakRecall(tool, gold, score) {
  const preds = [];
  let unaligned = 0;
  for (const rec of gold) {
    const spans = await tool.spans(rec.turns);
    if (spans === null) unaligned += 1;
    preds.push({ id: rec.id, entities: (spans ?? []).map((s) => ({ type: s.type ?? 'REDACTED', turn: s.turn, start: s.start, end: s.end })) });
  }
  return { report: score(gold, preds), unaligned };
}

export async function run(ctx) {
  const minBytes = Number(ctx.value('corpus-mb') ?? 5) * 1e6;
  const capSeconds = Number(ctx.value('cap-seconds') ?? (ctx.quick ? 15 : 60));
  const { conversations, bytes } = buildCorpus(ctx.root, minBytes);
  const { score } = await import(pathToFileURL(join(ctx.root, '..', 'shared', 'eval', 'score.mjs')).href);
  const gold = readDev(ctx.root, 'dev-synthetic.jsonl');
  const tools = await loadTools(ctx.root);
  console.log(`corpus: ${conversations.length} conversations, ${(bytes / 1e6).toFixed(1)} MB (dev-synthetic turns, shuffled, seed 42); cap ${capSeconds} s per tool`);
  const rows = [];
  for (const tool of tools) {
    const t = await throughput(tool, conversations, capSeconds);
    const { report, unaligned } = await leakRecall(tool, gold, score);
    rows.push({
      tool: `${tool.name} ${tool.version}`,
      mbps: (t.mb / t.seconds).toFixed(2),
      measured: `${t.mb.toFixed(1)} MB${t.mb * 1e6 < bytes * 0.999 ? ' (cap)' : ''}`,
      leak: report.overall.leak_recall.toFixed(3),
      leakChr: report.overall.leaked_chars.toFixed(3),
      over: (report.overall.over_redaction * 100).toFixed(2) + ' %',
      note: unaligned ? `${unaligned} convs unaligned` : '',
    });
  }
  const head = { tool: 'tool', mbps: 'MB/s', measured: 'measured', leak: 'leak_rec', leakChr: 'leak_chr', over: 'over_red', note: '' };
  const cols = Object.keys(head);
  const width = Object.fromEntries(cols.map((c) => [c, Math.max(head[c].length, ...rows.map((r) => r[c].length))]));
  for (const r of [head, ...rows]) console.log(cols.map((c, i) => (i === 0 ? r[c].padEnd(width[c]) : r[c].padStart(width[c]))).join('  ').trimEnd());
  console.log('leak_rec/leak_chr/over_red: ../shared/eval/score.mjs on dev-synthetic (1,000 conversations), any type counts; peers get each');
  console.log('conversation as one text (turns joined by newlines) and their redacted spans are mapped back to turns.');
}
