#!/usr/bin/env node
// Held-out set 4 generator: node scripts/heldout4/generate.mjs [--seed N] [--out FILE]
// Deterministic for a given seed. Writes eval/heldout4/heldout4.jsonl (same format as shared/eval/data).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeRng } from './rng.mjs';
import { Conv } from './conv.mjs';
import { FAMILIES } from './families.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (k, d) => { const i = args.indexOf(k); return i >= 0 ? args[i + 1] : d; };
const SEED = Number(opt('--seed', 4404));
const OUT = opt('--out', path.join(here, '..', '..', 'eval', 'heldout4', 'heldout4.jsonl'));
const PER_FAMILY = 16;
const STYLES = ['formatted', 'asr', 'chat'];

function hash32(a, b) { // integer mix so neighbouring conversations get unrelated streams
  let h = (Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35)) >>> 0;
  h ^= h >>> 16; h = Math.imul(h, 0x7feb352d); h ^= h >>> 15; h = Math.imul(h, 0x846ca68b); h ^= h >>> 16;
  return h >>> 0;
}
const lines = [];
const fams = Object.keys(FAMILIES);
fams.forEach((fam, fi) => {
  for (let j = 0; j < PER_FAMILY; j++) {
    const idx = fi * PER_FAMILY + j;
    const style = STYLES[idx % 3];
    const rng = makeRng(hash32(SEED, idx));
    const c = new Conv({ id: `h4-${String(idx).padStart(3, '0')}-${fam}`, family: fam, style, rng });
    FAMILIES[fam](c);
    lines.push(c.finish());
  }
});

// global assertions: every gold span's text is at its offsets; offsets are UTF-16 indices; no overlapping spans in a turn
const typeCount = {};
for (const rec of lines) {
  const byTurn = {};
  for (const g of rec.gold) {
    const t = rec.turns[g.turn].text;
    if (t.slice(g.start, g.end) !== g.text) throw new Error(`${rec.id}: span mismatch`);
    if (/^\s|\s$/.test(g.text) || /[.,?!;:]$/.test(g.text)) throw new Error(`${rec.id}: span edge ${JSON.stringify(g.text)}`);
    (byTurn[g.turn] ||= []).push(g);
    typeCount[g.type] = (typeCount[g.type] || 0) + 1;
  }
  for (const arr of Object.values(byTurn)) {
    arr.sort((a, b) => a.start - b.start);
    for (let i = 1; i < arr.length; i++) if (arr[i].start < arr[i - 1].end) throw new Error(`${rec.id}: overlapping gold spans`);
  }
}
const REQUIRED = ['PERSON', 'EMAIL', 'PHONE', 'ADDRESS', 'POSTAL_CODE', 'CREDIT_CARD', 'CARD_EXPIRY', 'CARD_CVV', 'SSN', 'DATE_OF_BIRTH', 'BANK_ACCOUNT', 'ROUTING_NUMBER', 'IBAN', 'IP_ADDRESS', 'USERNAME'];
for (const t of REQUIRED) if (!typeCount[t]) throw new Error(`no gold spans of type ${t}`);
const styleCount = lines.reduce((m, r) => ((m[r.style] = (m[r.style] || 0) + 1), m), {});

fs.mkdirSync(path.dirname(OUT), { recursive: true });
fs.writeFileSync(OUT, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
console.log(`wrote ${lines.length} conversations to ${path.relative(process.cwd(), OUT)} (seed ${SEED})`);
console.log('styles:', JSON.stringify(styleCount));
console.log('gold spans by type:', JSON.stringify(typeCount));
