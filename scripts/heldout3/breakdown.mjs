#!/usr/bin/env node
// heldout3: leak recall / over-redaction by style and by family, using the shared scorer.
//   node scripts/heldout3/breakdown.mjs --gold eval/heldout3/heldout3.jsonl --pred /tmp/h3-pred.jsonl
import { score, readJsonl } from '/work/shared/eval/score.mjs';
const args = process.argv.slice(2);
const opt = (k, d) => { const i = args.indexOf('--' + k); return i >= 0 ? args[i + 1] : d; };
const gold = readJsonl(opt('gold', 'eval/heldout3/heldout3.jsonl'));
const pred = readJsonl(opt('pred', '/tmp/h3-pred.jsonl'));
const f = (x) => (x === null ? '-' : x.toFixed(3));
for (const key of ['style', 'family']) {
  const groups = [...new Set(gold.map((g) => g[key]))];
  console.log(`\n| ${key} | conv | gold | leak_rec | P | R | over_red | weakest types (leak_rec) |\n| --- | --- | --- | --- | --- | --- | --- | --- |`);
  for (const g of groups) {
    const G = gold.filter((x) => x[key] === g);
    const ids = new Set(G.map((x) => x.id));
    const rep = score(G, pred.filter((p) => ids.has(p.id)));
    const o = rep.overall;
    const weak = Object.entries(rep.types).filter(([, r]) => r.gold && r.leak_recall < 0.95).sort((a, b) => a[1].leak_recall - b[1].leak_recall).map(([t, r]) => `${t} ${f(r.leak_recall)}`).join(', ');
    console.log(`| ${g} | ${G.length} | ${o.gold} | ${f(o.leak_recall)} | ${f(o.precision)} | ${f(o.recall)} | ${(o.over_redaction * 100).toFixed(2)}% | ${weak} |`);
  }
}
