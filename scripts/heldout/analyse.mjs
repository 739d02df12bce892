// Lists the engine's leaks (gold entities with letters/digits left uncovered) and its over-redactions
// (predicted spans touching no gold span), with turn context, grouped by type.
// Usage: node scripts/heldout/analyse.mjs GOLD.jsonl PRED.jsonl [--type CREDIT_CARD] [--fp] [--max 40]
import { readFileSync } from 'node:fs';

const [goldPath, predPath, ...rest] = process.argv.slice(2);
const opt = (k) => { const i = rest.indexOf(k); return i < 0 ? undefined : rest[i + 1] ?? true; };
const onlyType = opt('--type'), showFp = rest.includes('--fp'), max = Number(opt('--max') ?? 40);
const read = (p) => readFileSync(p, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const gold = read(goldPath), pred = new Map(read(predPath).map((r) => [r.id, r]));
const ALNUM = /[\p{L}\p{N}]/u;
const ctx = (t, s, e) => `${t.slice(Math.max(0, s - 45), s)}[[${t.slice(s, e)}]]${t.slice(e, e + 35)}`;

const leaks = {}, fps = {};
for (const g of gold) {
  const spans = (pred.get(g.id)?.entities ?? []);
  const turnText = (i) => g.turns[i].text;
  const byEntity = new Map();
  for (const s of g.gold) (byEntity.get(s.entity) ?? byEntity.set(s.entity, []).get(s.entity)).push(s);
  for (const pieces of byEntity.values()) {
    const bad = pieces.filter((s) => {
      for (let i = s.start; i < s.end; i++) {
        if (!ALNUM.test(turnText(s.turn)[i])) continue;
        if (!spans.some((p) => p.turn === s.turn && p.start <= i && i < p.end)) return true;
      }
      return false;
    });
    if (bad.length) {
      const t = pieces[0].type;
      (leaks[t] ??= []).push(`${g.id} ${g.style} ${g.family}: ` + bad.map((s) => ctx(turnText(s.turn), s.start, s.end)).join(' || ') +
        ' -> pred: ' + spans.filter((p) => bad.some((s) => s.turn === p.turn && p.start < s.end && s.start < p.end)).map((p) => `${p.type}:${JSON.stringify(turnText(p.turn).slice(p.start, p.end))}`).join(', '));
    }
  }
  for (const p of spans) {
    if (g.gold.some((s) => s.turn === p.turn && p.start < s.end && s.start < p.end)) continue;
    (fps[p.type] ??= []).push(`${g.id} ${g.style} ${g.family}: ${ctx(turnText(p.turn), p.start, p.end)}`);
  }
}
const dump = (title, obj) => {
  for (const [t, list] of Object.entries(obj)) {
    if (onlyType && t !== onlyType) continue;
    console.log(`\n## ${title} ${t}: ${list.length}`);
    for (const l of list.slice(0, max)) console.log('  ' + l);
  }
};
dump('LEAK', leaks);
if (showFp) dump('OVER-REDACTION', fps);
