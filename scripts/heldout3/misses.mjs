#!/usr/bin/env node
// Join heldout3 gold with engine predictions and list the failures:
//   leaks      gold entities with some letter/digit not covered by any prediction
//   wrongtype  gold entities fully covered, but no overlapping prediction of the gold type
//   fp         predicted spans that overlap no gold span (over-redaction)
//
//   node scripts/heldout3/misses.mjs --gold eval/heldout3/heldout3.jsonl --pred /tmp/h3-pred.jsonl
//        [--kind leaks|wrongtype|fp] [--type ADDRESS] [--limit 20] [--json]
import fs from 'node:fs';

const args = process.argv.slice(2);
const opt = (k, d) => { const i = args.indexOf('--' + k); return i >= 0 ? args[i + 1] : d; };
const gold = fs.readFileSync(opt('gold', 'eval/heldout3/heldout3.jsonl'), 'utf8').trim().split('\n').map(JSON.parse);
const preds = new Map(fs.readFileSync(opt('pred', '/tmp/h3-pred.jsonl'), 'utf8').trim().split('\n').map(JSON.parse).map((p) => [p.id, p]));
const kind = opt('kind', null), onlyType = opt('type', null), limit = +opt('limit', 1e9), asJson = args.includes('--json');

const ALNUM = /[\p{L}\p{N}]/u;
const ov = (a, b) => a.start < b.end && b.start < a.end;
const out = { leaks: [], wrongtype: [], fp: [] };

for (const r of gold) {
  const P = (preds.get(r.id)?.entities || []).map((e) => ({ ...e, turn: e.turn ?? 0 }));
  const ents = new Map();
  for (const g of r.gold) { if (!ents.has(g.entity)) ents.set(g.entity, []); ents.get(g.entity).push(g); }
  for (const pieces of ents.values()) {
    const type = pieces[0].type;
    let leaked = 0, total = 0;
    const visible = [];
    for (const g of pieces) {
      const text = r.turns[g.turn].text;
      let vis = '';
      for (let i = g.start; i < g.end; i++) {
        if (!ALNUM.test(text[i])) { vis += text[i]; continue; }
        total++;
        const cov = P.some((p) => p.turn === g.turn && p.start <= i && i < p.end);
        if (!cov) { leaked++; vis += text[i]; } else vis += '█';
      }
      visible.push(vis);
    }
    const over = pieces.flatMap((g) => P.filter((p) => p.turn === g.turn && ov(p, g)).map((p) => `${p.type}:"${r.turns[g.turn].text.slice(p.start, p.end)}"`));
    const row = {
      id: r.id, style: r.style, type, turn: pieces.map((g) => g.turn).join('+'),
      gold: pieces.map((g) => g.text).join(' | '), visible: visible.join(' | '),
      pred: over, context: pieces.map((g) => `${r.turns[g.turn].speaker}: ${r.turns[g.turn].text}`).join(' || '),
    };
    if (leaked) out.leaks.push({ ...row, leaked_chars: leaked, chars: total });
    else if (!pieces.every((g) => P.some((p) => p.turn === g.turn && p.type === type && ov(p, g)))) out.wrongtype.push(row);
  }
  for (const p of P) {
    if (r.gold.some((g) => g.turn === p.turn && ov(g, p))) continue;
    const text = r.turns[p.turn].text;
    out.fp.push({ id: r.id, style: r.style, type: p.type, turn: p.turn, pred: text.slice(p.start, p.end), context: `${r.turns[p.turn].speaker}: ${text}` });
  }
}

const kinds = kind ? [kind] : ['leaks', 'wrongtype', 'fp'];
if (asJson) { console.log(JSON.stringify(Object.fromEntries(kinds.map((k) => [k, out[k].filter((x) => !onlyType || x.type === onlyType)])), null, 1)); process.exit(0); }
for (const k of kinds) {
  const rows = out[k].filter((x) => !onlyType || x.type === onlyType);
  const byType = {};
  for (const x of rows) byType[x.type] = (byType[x.type] || 0) + 1;
  console.log(`\n##### ${k}: ${rows.length}  ${JSON.stringify(byType)}`);
  for (const x of rows.slice(0, limit)) {
    if (k === 'fp') console.log(`- [${x.type}] ${x.id} (${x.style}) pred "${x.pred}"\n    ${x.context}`);
    else console.log(`- [${x.type}] ${x.id} (${x.style}) t${x.turn} gold "${x.gold}"\n    visible: "${x.visible}"   pred: ${x.pred.join(', ') || '(none)'}\n    ${x.context}`);
  }
}
