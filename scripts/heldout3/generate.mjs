#!/usr/bin/env node
// heldout3 generator: ~240 seeded conversations in 12 scenario families x 3 styles (formatted / asr / chat).
// Deterministic: same seed, same file. Gold offsets are recorded while each turn is assembled and checked
// below. Written independently of src/redaction/** and of the other held-out sets.
//
//   node scripts/heldout3/generate.mjs            -> eval/heldout3/heldout3.jsonl
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Conv } from './conv.mjs';
import { FAMILIES } from './families.mjs';
import { TYPES, checkSpanEdges, luhnOk, abaOk, ibanOk, decodeSpoken } from './lib.mjs';
import { phoneDigits } from './values.mjs';

const SEED = 0x4d3e3;
const PER_FAMILY = 20;
const STYLES = ['formatted', 'asr', 'chat'];
const here = path.dirname(fileURLToPath(import.meta.url));
const outFile = path.resolve(here, '../../eval/heldout3/heldout3.jsonl');

function digitsOf(text, style) {
  if (style === 'asr') return decodeSpoken(text.replace(/\bplus\b/g, ''));
  return text.replace(/[^0-9A-Za-z]/g, '').toLowerCase();
}

function validate(conv) {
  const rec = conv.toJSON();
  const where = rec.id;
  if (conv.S === 'asr') {
    for (const t of rec.turns) {
      if (/\d/.test(t.text)) throw new Error(`${where}: digit in asr turn: ${t.text}`);
      if (!/^[\p{Ll}' ]*$/u.test(t.text)) throw new Error(`${where}: asr turn not lowercase/unpunctuated: ${JSON.stringify(t.text)}`);
    }
  }
  const byEnt = new Map();
  conv.gold.forEach((g) => {
    if (!TYPES.includes(g.type)) throw new Error(`${where}: bad type ${g.type}`);
    const text = rec.turns[g.turn].text;
    if (text.slice(g.start, g.end) !== g.text) throw new Error(`${where}: gold text mismatch`);
    checkSpanEdges(text, g, where);
    if (!byEnt.has(g.entity)) byEnt.set(g.entity, []);
    byEnt.get(g.entity).push(g);
  });
  // no overlapping gold spans in a turn
  const sorted = [...conv.gold].sort((a, b) => a.turn - b.turn || a.start - b.start);
  for (let i = 1; i < sorted.length; i++) if (sorted[i].turn === sorted[i - 1].turn && sorted[i].start < sorted[i - 1].end) throw new Error(`${where}: overlapping gold`);
  for (const [ent, pieces] of byEnt) {
    if (new Set(pieces.map((x) => x.type)).size !== 1) throw new Error(`${where}: entity ${ent} mixes types`);
    const m = pieces[0].meta;
    if (!m) continue;
    const said = m.kind === 'ip' ? null : pieces.map((x) => digitsOf(x.text, conv.S)).join('');
    const expect = (v) => { if (said !== v.toLowerCase()) throw new Error(`${where}: ${pieces[0].type} says ${said}, value ${v} (${pieces.map((x) => x.text).join(' | ')})`); };
    switch (m.kind) {
      case 'card': if (!luhnOk(m.value)) throw new Error('luhn'); expect(m.value); break;
      case 'cardpiece': if (!luhnOk(m.value)) throw new Error('luhn'); expect(m.value); break;
      case 'routing': if (!abaOk(m.digits)) throw new Error('aba'); expect(m.digits); break;
      case 'iban': if (!ibanOk(m.value)) throw new Error('iban'); expect(m.value); break;
      case 'digits': expect(m.digits); break;
      case 'cophone': if (said !== m.digits && said !== '1' + m.digits) expect(m.digits); break;
      case 'alnum': expect(m.value); break;
      case 'phone': {
        const a = phoneDigits(m.p, false), b = phoneDigits(m.p, true);
        if (said !== a && said !== b && said !== '1' + a && said !== m.p.cc + a) throw new Error(`${where}: phone says ${said}, value ${a}/${b}`);
        break;
      }
      case 'ip': {
        if (conv.S === 'asr') {
          const v = m.value;
          const back = v.includes(':')
            ? pieces[0].text.split(/ (?:double colon|colon colon) /).map((h) => h.split(' colon ').map((x) => decodeSpoken(x)).join(':')).join('::')
            : pieces[0].text.split(' dot ').map((x) => String(+decodeSpoken(x))).join('.');
          if (back !== v) throw new Error(`${where}: ip says ${back}, value ${v}`);
        } else if (pieces[0].text !== m.value) throw new Error('ip text');
        break;
      }
      default: throw new Error('meta ' + m.kind);
    }
  }
  return rec;
}

const out = [];
let n = 0;
FAMILIES.forEach(([family, fn, regions], fi) => {
  for (let i = 0; i < PER_FAMILY; i++) {
    const style = STYLES[(i + fi) % 3];
    const seed = (SEED * 31 + fi * 1000 + i) >>> 0;
    const region = regions[i % regions.length];
    const conv = new Conv({ id: `h3-${family}-${String(i).padStart(3, '0')}`, family, style, seed, region });
    fn(conv);
    out.push(validate(conv));
    n++;
  }
});
fs.mkdirSync(path.dirname(outFile), { recursive: true });
fs.writeFileSync(outFile, out.map((r) => JSON.stringify(r)).join('\n') + '\n');
const byStyle = {}; const byType = {};
for (const r of out) { byStyle[r.style] = (byStyle[r.style] || 0) + 1; for (const g of r.gold) byType[g.type] = (byType[g.type] || 0) + 1; }
console.log(`wrote ${n} conversations to ${path.relative(process.cwd(), outFile)}`);
console.log('styles', JSON.stringify(byStyle));
console.log('gold spans', JSON.stringify(byType));
