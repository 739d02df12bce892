#!/usr/bin/env node
// List leaked gold entities and false-positive predictions, grouped by type.
//
//   node scripts/heldout4/misses.mjs --pred /tmp/h4.pred.jsonl [--gold eval/heldout4/heldout4.jsonl]
//        [--type T] [--kind leaks|fp|typed] [--style formatted|asr|chat] [--context N] [--summary] [--patterns]
// --patterns: group leaks (and false positives) into heuristic phrasing patterns with counts and two examples each.
//
// leaks: a gold entity with some letter/digit not covered by any predicted span (the scorer's leak definition);
//        printed with the turn text, gold piece in [[ ]] and predicted spans in { }.
// typed: a gold entity that is fully covered but not by a prediction of its own type (typed-recall miss only).
// fp:    a predicted span that overlaps no gold span of its type ("no gold" or "wrong type: X").
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const arg = (k, d) => { const i = argv.indexOf(k); return i >= 0 ? argv[i + 1] : d; };
const GOLD = arg('--gold', path.join(here, '..', '..', 'eval', 'heldout4', 'heldout4.jsonl'));
const PRED = arg('--pred');
const TYPE = arg('--type');
const KIND = arg('--kind');
const STYLE = arg('--style');
const CTX = Number(arg('--context', 0));
const SUMMARY = argv.includes('--summary');
const PATTERNS = argv.includes('--patterns');
if (!PRED) { console.error('usage: misses.mjs --pred FILE [--gold FILE] [--type T] [--kind leaks|fp|typed] [--style S] [--summary]'); process.exit(2); }

const read = (f) => fs.readFileSync(f, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const gold = read(GOLD);
const preds = new Map(read(PRED).map((p) => [p.id, p]));
const ALNUM = /[\p{L}\p{N}]/u;
const overlaps = (a, b) => a.start < b.end && b.start < a.end;

/** turn text with gold piece in [[ ]] and predicted spans in { } (type-tagged) */
function mark(text, goldPieces, predSpans) {
  const ev = [];
  for (const g of goldPieces) { ev.push([g.start, 1, '[[']); ev.push([g.end, 0, ']]']); }
  for (const p of predSpans) { ev.push([p.start, 2, '{']); ev.push([p.end, -1, `}${p.type}`]); }
  ev.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  let s = text;
  for (const [pos, , tag] of ev) s = s.slice(0, pos) + tag + s.slice(pos);
  return s;
}

const out = { leaks: new Map(), typed: new Map(), fp: new Map() };
const add = (kind, type, item) => { if (!out[kind].has(type)) out[kind].set(type, []); out[kind].get(type).push(item); };

for (const rec of gold) {
  if (STYLE && rec.style !== STYLE) continue;
  const texts = rec.turns.map((t) => t.text);
  const p = preds.get(rec.id);
  const spans = (p?.entities || []).filter((e) => Number.isInteger(e.turn) && e.turn >= 0 && e.turn < texts.length && e.start >= 0 && e.end <= texts[e.turn].length && e.start < e.end);
  const covered = texts.map((t) => new Uint8Array(t.length));
  for (const s of spans) covered[s.turn].fill(1, s.start, s.end);
  const ents = new Map();
  rec.gold.forEach((g, i) => { const k = g.entity ?? `s${i}`; if (!ents.has(k)) ents.set(k, []); ents.get(k).push(g); });

  for (const pieces of ents.values()) {
    const type = pieces[0].type;
    let leaked = 0, chars = 0;
    const leakedText = [];
    for (const g of pieces) {
      let cur = '';
      for (let i = g.start; i < g.end; i++) {
        const ch = texts[g.turn][i];
        if (!ALNUM.test(ch)) { if (cur) cur += ch; continue; }
        chars++;
        if (!covered[g.turn][i]) { leaked++; cur += ch; } else if (cur) { leakedText.push(cur.trim()); cur = ''; }
      }
      if (cur.trim()) leakedText.push(cur.trim());
    }
    const typedFound = pieces.every((g) => spans.some((s) => s.turn === g.turn && s.type === type && overlaps(s, g)));
    const item = { rec, pieces, spans, leaked, chars, leakedText };
    if (leaked) add('leaks', type, item);
    else if (!typedFound) add('typed', type, item);
  }
  for (const s of spans) {
    if (rec.gold.some((g) => g.turn === s.turn && g.type === s.type && overlaps(g, s))) continue;
    const other = rec.gold.filter((g) => g.turn === s.turn && overlaps(g, s));
    add('fp', s.type, { rec, span: s, spans, why: other.length ? `wrong type (gold ${[...new Set(other.map((g) => g.type))].join('/')})` : 'no gold', text: texts[s.turn].slice(s.start, s.end) });
  }
}

const NATO_W = /\b(alpha|bravo|charlie|delta|echo|foxtrot|golf|hotel|india|juliet|kilo|lima|mike|november|oscar|papa|quebec|romeo|sierra|tango|uniform|victor|whiskey|yankee|zulu)\b/i;
function leakPattern(it) {
  const { rec, pieces } = it;
  const type = pieces[0].type, text = pieces.map((g) => g.text).join(' | ');
  const turns = new Set(pieces.map((g) => g.turn));
  const sp = rec.turns[pieces[0].turn].speaker;
  const partial = it.leaked < it.chars ? 'partly' : 'fully';
  if (type === 'PERSON') {
    if (/ as in /i.test(text) || (NATO_W.test(text) && text.split(/\s+/).length > 3)) return `spelled name (as-in / NATO), ${partial} leaked`;
    if (/^([A-Za-z][ ,-]+)+[A-Za-z]$/.test(text)) return 'spelled name (bare letters)';
    if (pieces[0].turn === 0) return `agent self-introduction in greeting (${rec.style})`;
    if (sp === 'agent' && pieces[0].turn >= rec.turns.length - 2) return 'name in agent sign-off (thanks/take care X)';
    if (it.leaked < it.chars) return 'multi-part or hyphenated name only partly covered';
    if (sp === 'agent') return 'third party / first name mid-sentence in agent turn';
    return 'customer-turn name';
  }
  if (type === 'PHONE') {
    if (pieces.length > 1 && turns.size === 1) return 'phone dictated with filler inside (uh / hang on), pieces in one turn';
    if (/[A-Za-z]{3,}/.test(text.replace(/\b(one|two|three|four|five|six|seven|eight|nine|oh|zero|double|triple|hundred|plus)\b/g, ''))) return 'vanity number letters (1-800-PET-CARE) not covered';
    return 'other phone';
  }
  if (type === 'ADDRESS') {
    if (/\b(p\.?\s?o\.?|po) box\b|\brr \d|\brural route\b/i.test(text)) return `PO box / rural route (${partial} leaked)`;
    if (turns.size > 1) return 'address continued in a second turn (city/state/zip piece)';
    return 'other address';
  }
  if (type === 'USERNAME') return sp === 'agent' ? 'username read back by agent ("Yes, I see X")' : 'username given by customer';
  if (type === 'EMAIL') return / as in /i.test(text) ? 'email spelled letter by letter with "X as in Y" (formatted)' : /^([a-z] )+/.test(text) ? 'spoken letter-by-letter email: first letter left out' : 'other email';
  if (type === 'DATE_OF_BIRTH') {
    const prev = rec.turns[pieces[0].turn - 1]?.text || '';
    return /birth/i.test(prev) ? 'DOB after an explicit date-of-birth question' : 'DOB answering an elliptical question ("And Maya\'s?")';
  }
  if (type === 'IP_ADDRESS') return sp === 'agent' ? 'IP said by agent ("Its WAN IP is ...")' : 'IP said by customer';
  if (type === 'SSN') { const prev2 = rec.turns.slice(Math.max(0, pieces[0].turn - 3), pieces[0].turn).map((t) => t.text).join(' '); return /last four/i.test(prev2) && !/social/i.test(rec.turns[pieces[0].turn - 1]?.text || '') ? 'SSN last four as bare answer (the word "social" is 2+ turns back)' : 'other SSN'; }
  return 'other';
}
function fpPattern(it) {
  const t = it.text, s = it.span;
  if (it.why.startsWith('wrong type')) return `${s.type} inside a gold ${it.why.replace(/.*gold /, '').replace(')', '')} span (typed error, no leak)`;
  if (/IMEI/i.test(it.rec.turns[s.turn].text) || /IMEI/i.test(it.rec.turns[s.turn - 1]?.text || '')) return `${s.type}: IMEI (Luhn-valid 15 digits)`;
  const ctx = it.rec.turns[s.turn].text + ' ' + (it.rec.turns[s.turn - 1]?.text || '');
  if (/reference|request number|ticket number|order number|case number|claim number|booking|tracking|job number|application number/i.test(ctx) && /\d|\b(one|two|three|four|five|six|seven|eight|nine|oh|zero)\b/.test(t)) return `${s.type}: reference / request / ticket number`;
  if (s.type === 'PERSON') {
    if (/grant/i.test(t)) return 'PERSON: "Pell grant"';
    if (/\b(thai|spring)\b/i.test(t)) return 'PERSON: food item ("pad thai")';
    return 'PERSON: company / product / word';
  }
  return `${s.type}: other`;
}
if (PATTERNS) {
  for (const [kind, fn] of [['leaks', leakPattern], ['fp', fpPattern]]) {
    const groups = new Map();
    for (const [type, items] of out[kind]) {
      if (TYPE && type !== TYPE) continue;
      for (const it of items) { const k = `${kind === 'leaks' ? type + ': ' : ''}${fn(it)}`; if (!groups.has(k)) groups.set(k, []); groups.get(k).push(it); }
    }
    console.log(`\n######## ${kind.toUpperCase()} PATTERNS`);
    for (const [k, items] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
      console.log(`\n${items.length}  ${k}`);
      for (const it of items.slice(0, 2)) {
        if (kind === 'fp') { console.log(`    ${it.rec.id} [${it.rec.style}] ${JSON.stringify(it.text)}: ${mark(it.rec.turns[it.span.turn].text, [], [it.span])}`); continue; }
        const ti = it.pieces[0].turn;
        console.log(`    ${it.rec.id} [${it.rec.style}] ${[...new Set(it.pieces.map((g) => g.turn))].map((t) => mark(it.rec.turns[t].text, it.pieces.filter((g) => g.turn === t), it.spans.filter((s) => s.turn === t))).join('  //  ')}`);
      }
    }
  }
  process.exit(0);
}

const kinds = KIND ? [KIND] : ['leaks', 'typed', 'fp'];
for (const kind of kinds) {
  const m = out[kind];
  const types = [...m.keys()].filter((t) => !TYPE || t === TYPE).sort((a, b) => m.get(b).length - m.get(a).length);
  const total = types.reduce((s, t) => s + m.get(t).length, 0);
  console.log(`\n######## ${kind.toUpperCase()} (${total})`);
  for (const t of types) {
    const items = m.get(t);
    console.log(`\n=== ${t}: ${items.length}`);
    if (SUMMARY) continue;
    for (const it of items) {
      const { rec } = it;
      if (kind === 'fp') {
        const s = it.span;
        const goldHere = rec.gold.filter((g) => g.turn === s.turn);
        console.log(`- ${rec.id} [${rec.style}] turn ${s.turn} ${JSON.stringify(it.text)} ${it.why}`);
        console.log(`    ${mark(rec.turns[s.turn].text, goldHere, [s])}`);
        continue;
      }
      const turns = [...new Set(it.pieces.map((g) => g.turn))];
      const info = kind === 'leaks' ? `leaked ${it.leaked}/${it.chars} chars: ${JSON.stringify(it.leakedText.join(' | '))}` : `covered only by ${[...new Set(it.spans.filter((s) => it.pieces.some((g) => g.turn === s.turn && overlaps(s, g))).map((s) => s.type))].join('/')}`;
      console.log(`- ${rec.id} [${rec.style}] ${JSON.stringify(it.pieces.map((g) => g.text).join(' | '))} ${info}`);
      const lo = Math.max(0, Math.min(...turns) - CTX), hi = Math.max(...turns);
      for (let ti = lo; ti <= hi; ti++) {
        const gp = it.pieces.filter((g) => g.turn === ti);
        const ps = it.spans.filter((s) => s.turn === ti);
        console.log(`    ${ti} ${rec.turns[ti].speaker}: ${mark(rec.turns[ti].text, gp, ps)}`);
      }
    }
  }
}
