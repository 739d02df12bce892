// heldout3: shared machinery (PRNG, number words, checksums, turn assembly with gold offsets).
// Written independently of src/redaction/** and of the other held-out generators.

// ---------------------------------------------------------------- PRNG
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  constructor(seed) { this.r = mulberry32(seed); }
  next() { return this.r(); }
  int(lo, hi) { return lo + Math.floor(this.r() * (hi - lo + 1)); } // inclusive
  pick(arr) { if (!arr.length) throw new Error('pick from empty'); return arr[Math.floor(this.r() * arr.length)]; }
  chance(p) { return this.r() < p; }
  digits(n) { let s = ''; for (let i = 0; i < n; i++) s += String(this.int(0, 9)); return s; }
  shuffle(arr) { const a = arr.slice(); for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(this.r() * (i + 1)); [a[i], a[j]] = [a[j], a[i]]; } return a; }
  weighted(pairs) { // [[value, weight], ...]
    const tot = pairs.reduce((s, p) => s + p[1], 0); let x = this.r() * tot;
    for (const [v, w] of pairs) { x -= w; if (x < 0) return v; }
    return pairs[pairs.length - 1][0];
  }
}

// ---------------------------------------------------------------- number words
const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
export const DIGIT = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

export function numWords(n, { and = false } = {}) {
  if (!Number.isInteger(n) || n < 0) throw new Error(`numWords(${n})`);
  if (n < 20) return ONES[n];
  if (n < 100) return TENS[Math.floor(n / 10)] + (n % 10 ? ' ' + ONES[n % 10] : '');
  if (n < 1000) {
    const rest = n % 100;
    return ONES[Math.floor(n / 100)] + ' hundred' + (rest ? (and ? ' and ' : ' ') + numWords(rest) : '');
  }
  if (n < 1000000) {
    const rest = n % 1000;
    return numWords(Math.floor(n / 1000)) + ' thousand' + (rest ? (rest < 100 && and ? ' and ' : ' ') + numWords(rest, { and }) : '');
  }
  throw new Error('numWords too big');
}

const ORD_SPECIAL = { 1: 'first', 2: 'second', 3: 'third', 5: 'fifth', 8: 'eighth', 9: 'ninth', 12: 'twelfth' };
export function ordinalWords(n) {
  if (n < 20) {
    if (ORD_SPECIAL[n]) return ORD_SPECIAL[n];
    return ONES[n] + 'th';
  }
  if (n % 10 === 0) return TENS[n / 10].replace(/y$/, 'ieth');
  return TENS[Math.floor(n / 10)] + ' ' + ordinalWords(n % 10);
}
export function ordinalSuffix(n) {
  if (n % 100 >= 11 && n % 100 <= 13) return n + 'th';
  return n + ({ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] || 'th');
}

/** two-digit chunk read as a number ("45" -> forty five, "07" -> oh seven). */
export function pairWords(s, zero = 'oh') {
  if (s.length !== 2) throw new Error('pairWords');
  if (s[0] === '0') return (zero === 'zero' ? 'zero' : 'oh') + ' ' + DIGIT[+s[1]];
  return numWords(+s);
}

/**
 * Spell a digit string word by word. opts.zero: 'oh' | 'zero' | 'mix'; opts.doubles: probability of
 * saying "double x" / "triple x" for runs.
 */
export function spellDigits(s, rng, { zero = 'oh', doubles = 0.5 } = {}) {
  if (!/^\d+$/.test(s)) throw new Error(`spellDigits(${s})`);
  const z = () => (zero === 'mix' ? (rng.chance(0.5) ? 'oh' : 'zero') : zero);
  const out = [];
  let i = 0;
  while (i < s.length) {
    let run = 1;
    while (i + run < s.length && s[i + run] === s[i]) run++;
    const w = s[i] === '0' ? z() : DIGIT[+s[i]];
    if (run >= 3 && rng.chance(doubles)) { out.push('triple ' + w); i += 3; continue; }
    if (run >= 2 && rng.chance(doubles)) { out.push('double ' + w); i += 2; continue; }
    out.push(w); i += 1;
  }
  return out.join(' ');
}

/** read a 4-digit group in pairs ("4539" -> forty five thirty nine), digit by digit when awkward. */
export function spellGroupPairs(s, rng, opts = {}) {
  if (s.length === 4 && s[0] !== '0' && s[2] !== '0' && !(s[1] === '0' && s[0] === '0')) {
    if (s.slice(1) === '000') return numWords(+s[0]) + ' thousand';
    if (s.slice(2) === '00') return numWords(+s.slice(0, 2)) + ' hundred';
    return numWords(+s.slice(0, 2)) + ' ' + numWords(+s.slice(2));
  }
  return spellDigits(s, rng, opts);
}

export function yearWords(y, rng, { short = false } = {}) {
  if (short) { const yy = y % 100; return yy < 10 ? 'oh ' + ONES[yy] : numWords(yy); }
  if (y >= 2000 && y < 2010) return rng.chance(0.5) ? 'two thousand' + (y % 10 ? ' and ' + ONES[y % 10] : '') : 'two thousand' + (y % 10 ? ' ' + ONES[y % 10] : '');
  if (y >= 2010 && y < 2100 && rng.chance(0.2)) return 'two thousand ' + numWords(y - 2000);
  const hi = Math.floor(y / 100), lo = y % 100;
  return numWords(hi) + ' ' + (lo === 0 ? 'hundred' : lo < 10 ? 'oh ' + ONES[lo] : numWords(lo));
}

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const MON3 = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// decoding of spoken digit strings (used only to assert that a spoken value says the right digits)
const DEC = { zero: '0', oh: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9' };
const TEENS = { ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19 };
const TENW = { twenty: 2, thirty: 3, forty: 4, fifty: 5, sixty: 6, seventy: 7, eighty: 8, ninety: 9 };
/** spoken digits/letters -> string of digits and letters ("double five" -> 55, "forty five" -> 45, "g b" -> gb). */
export function decodeSpoken(s) {
  const w = s.toLowerCase().split(/\s+/).filter(Boolean);
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const t = w[i];
    if (t === 'double' || t === 'triple') {
      const n = t === 'double' ? 2 : 3;
      const nx = w[++i];
      const d = DEC[nx] ?? (nx && nx.length === 1 ? nx : null);
      if (d === null || d === undefined) throw new Error(`decode: ${t} ${nx}`);
      out += d.repeat(n); continue;
    }
    if (t in TENW) {
      const nx = w[i + 1];
      if (nx && DEC[nx] && nx !== 'oh' && nx !== 'zero' && nx !== 'o') { out += TENW[t] + DEC[nx]; i++; } else out += TENW[t] + '0';
      continue;
    }
    if (t in TEENS) { out += String(TEENS[t]); continue; }
    if (t === 'hundred') { out += '00'; continue; }
    if (t === 'thousand') { out += '000'; continue; }
    if (t in DEC) { out += DEC[t]; continue; }
    if (/^[a-z]$/.test(t) || /^[b-df-hj-np-tv-z]{2}$/.test(t)) { out += t; continue; }
    throw new Error(`decode: unknown word "${t}" in "${s}"`);
  }
  return out;
}

// ---------------------------------------------------------------- checksums
export function luhnOk(num) {
  const d = num.replace(/\D/g, '');
  let sum = 0;
  for (let i = 0; i < d.length; i++) {
    let x = +d[d.length - 1 - i];
    if (i % 2 === 1) { x *= 2; if (x > 9) x -= 9; }
    sum += x;
  }
  return d.length >= 12 && sum % 10 === 0;
}
export function luhnComplete(prefixDigits) { // append check digit
  for (let c = 0; c <= 9; c++) if (luhnOk(prefixDigits + c)) return prefixDigits + c;
  throw new Error('luhn');
}
export function abaOk(r) {
  if (!/^\d{9}$/.test(r)) return false;
  const d = r.split('').map(Number);
  return (3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5] + d[8])) % 10 === 0;
}
export function abaComplete(first8) {
  for (let c = 0; c <= 9; c++) if (abaOk(first8 + c)) return first8 + c;
  throw new Error('aba');
}
function mod97(numStr) { let r = 0; for (const ch of numStr) r = (r * 10 + (+ch)) % 97; return r; }
function ibanNumeric(s) { return s.toUpperCase().split('').map((ch) => (/[A-Z]/.test(ch) ? String(ch.charCodeAt(0) - 55) : ch)).join(''); }
export function ibanOk(iban) {
  const s = iban.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(s)) return false;
  return mod97(ibanNumeric(s.slice(4) + s.slice(0, 4))) === 1;
}
export function ibanMake(country, bban) {
  const check = 98 - mod97(ibanNumeric(bban + country + '00'));
  const iban = country + String(check).padStart(2, '0') + bban;
  if (!ibanOk(iban)) throw new Error('iban make');
  return iban;
}

// ---------------------------------------------------------------- conversation assembly
export const TYPES = ['PERSON', 'EMAIL', 'PHONE', 'ADDRESS', 'POSTAL_CODE', 'CREDIT_CARD', 'CARD_EXPIRY', 'CARD_CVV', 'SSN',
  'DATE_OF_BIRTH', 'BANK_ACCOUNT', 'ROUTING_NUMBER', 'IBAN', 'IP_ADDRESS', 'USERNAME'];

const ASR_TITLES = [[/\bMrs\.?(?=\s)/g, 'missus'], [/\bMr\.?(?=\s)/g, 'mister'], [/\bMs\.?(?=\s)/g, 'miss'], [/\bDr\.?(?=\s)/g, 'doctor'], [/\bMx\.?(?=\s)/g, 'mx']];

/** plain template text -> raw-ASR text (lowercase, no punctuation). Digits are not allowed in plain text. */
export function asrPlain(s) {
  let t = s;
  for (const [re, w] of ASR_TITLES) t = t.replace(re, w);
  t = t.replace(/&/g, ' and ').replace(/%/g, ' percent').replace(/\+/g, ' plus ');
  t = t.replace(/[-–—/]/g, ' ');
  t = t.replace(/[.,!?;:"()…]/g, ' ');
  t = t.replace(/(^|\s)'(?!s\b)|'(?=\s|$)/g, '$1');
  t = t.toLowerCase();
  return t;
}

const CHAT_ABBR = [
  [/\byou\b/gi, 'u', 0.5], [/\byour\b/gi, 'ur', 0.4], [/\bplease\b/gi, 'pls', 0.5], [/\bthanks\b/gi, 'thx', 0.4],
  [/\bthank you\b/gi, 'ty', 0.25], [/\bbecause\b/gi, 'bc', 0.6], [/\btomorrow\b/gi, 'tmrw', 0.5], [/\bokay\b/gi, 'ok', 0.7],
  [/\bare\b/gi, 'r', 0.25], [/\bnumber\b/gi, 'no.', 0.2], [/\baccount\b/gi, 'acct', 0.3], [/\bmessage\b/gi, 'msg', 0.5],
  [/\binformation\b/gi, 'info', 0.6], [/\bright now\b/gi, 'rn', 0.3], [/\bI don't know\b/gi, 'idk', 0.4], [/\bto be honest\b/gi, 'tbh', 0.6],
  [/\bwith\b/gi, 'w/', 0.15], [/\bappointment\b/gi, 'appt', 0.4], [/\bapartment\b/gi, 'apt', 0.5], [/\bsomeone\b/gi, 'some1', 0.2],
  [/\bgoing to\b/gi, 'gonna', 0.4], [/\byeah\b/gi, 'ya', 0.3], [/\bat the moment\b/gi, 'atm', 0.4], [/\bas soon as possible\b/gi, 'asap', 0.7],
];
const NO_TYPO = new Set(['ordering']);

function typo(word, rng) {
  if (word.length < 5 || NO_TYPO.has(word.toLowerCase()) || /[^a-zA-Z]/.test(word)) return word;
  const k = rng.int(0, 2);
  const i = rng.int(1, word.length - 3);
  if (k === 0) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2); // transpose
  if (k === 1) return word.slice(0, i) + word.slice(i + 1); // drop
  return word.slice(0, i) + word[i] + word.slice(i); // double
}

/** plain template text -> typed chat by a customer (persona decides case, apostrophes, typos). */
export function chatPlain(s, persona, rng) {
  let t = s;
  for (const [re, rep, p] of CHAT_ABBR) t = t.replace(re, (m) => (rng.chance(p * persona.abbr) ? rep : m));
  if (persona.noApos) t = t.replace(/\b(I'm|don't|can't|it's|that's|I've|didn't|won't|what's|there's|isn't|I'll|we're|I'd)\b/gi, (m) => m.replace("'", ''));
  t = t.replace(/[A-Za-z]+/g, (w) => (rng.chance(persona.typo) ? typo(w, rng) : w));
  if (persona.lower) t = t.toLowerCase();
  return t;
}

const SPACE = /\s/;
const CHAT_LOWER = new Set(['PERSON', 'ADDRESS', 'POSTAL_CODE', 'EMAIL']);
const LEAD_BAD = /[\s.,;:!?'"]/;
const TRAIL_BAD = /[\s.,;:!?'"\-(]/;

/**
 * Assemble one turn from parts: strings (template text, transformed by style) and span/neg objects
 * ({kind:'span', type, text, ent} / {kind:'neg', text}). Whitespace is collapsed afterwards and the
 * span offsets are carried through that.
 */
export function assembleTurn(parts, style, speaker, persona, rng) {
  let raw = '';
  const spans = [];
  for (const p of parts.flat(Infinity)) {
    if (p === null || p === undefined || p === '') continue;
    if (typeof p === 'string' || typeof p === 'number') {
      let s = String(p);
      if (style === 'asr') {
        if (/\d/.test(s)) throw new Error(`digit in asr template text: "${s}"`);
        s = asrPlain(s);
      } else if (style === 'chat' && speaker === 'customer') s = chatPlain(s, persona, rng);
      raw += s;
    } else if (p.kind === 'neg') {
      raw += typeof p.text === 'function' ? p.text(speaker) : p.text;
    } else if (p.kind === 'span') {
      let t = typeof p.text === 'function' ? p.text(speaker) : p.text;
      if (style === 'chat' && speaker === 'customer' && persona && persona.lower && CHAT_LOWER.has(p.type)) t = t.toLowerCase();
      if (style === 'asr' && (/\d/.test(t) || /[A-Z]/.test(t))) throw new Error(`asr span not spoken: ${t}`);
      const start = raw.length;
      raw += t;
      spans.push({ type: p.type, start, end: raw.length, ent: p.ent, meta: p.meta });
    } else throw new Error('bad part ' + JSON.stringify(p));
  }
  // collapse whitespace, drop space before punctuation, trim; keep an old->new index map
  const keep = new Array(raw.length).fill(true);
  for (let i = 0; i < raw.length; i++) {
    if (SPACE.test(raw[i])) {
      if (i === 0 || !keep.slice(0, i).some(Boolean)) { keep[i] = false; continue; }
      let j = i - 1; while (j >= 0 && !keep[j]) j--;
      if (j >= 0 && SPACE.test(raw[j])) { keep[i] = false; continue; }
      let k = i + 1; while (k < raw.length && SPACE.test(raw[k])) k++;
      if (k >= raw.length || /[.,?!;:]/.test(raw[k])) keep[i] = false;
    }
  }
  const map = new Array(raw.length + 1);
  let text = '';
  for (let i = 0; i < raw.length; i++) { map[i] = text.length; if (keep[i]) text += SPACE.test(raw[i]) ? ' ' : raw[i]; }
  map[raw.length] = text.length;
  // a chat customer often leaves off the final full stop (never inside a span)
  if (style === 'chat' && speaker === 'customer' && persona && persona.noFinalPunct && text.endsWith('.') && !spans.some((s) => map[s.end - 1] + 1 >= text.length)) {
    text = text.slice(0, -1).replace(/\s+$/, '');
  }
  // collapse "..", ". ," artefacts in formatted/chat ("Thanks, ." never produced by templates, but be safe)
  const outSpans = spans.map((s) => ({ ...s, start: map[s.start], end: s.end === raw.length ? text.length : map[s.end - 1] + 1 }));
  for (const s of outSpans) {
    const g = text.slice(s.start, s.end);
    if (!g.length) throw new Error('empty span');
  }
  return { text, spans: outSpans };
}

export function checkSpanEdges(text, s, where) {
  const g = text.slice(s.start, s.end);
  if (LEAD_BAD.test(g[0]) || TRAIL_BAD.test(g[g.length - 1])) throw new Error(`${where}: bad span edge ${JSON.stringify(g)} in ${JSON.stringify(text)}`);
  return g;
}
