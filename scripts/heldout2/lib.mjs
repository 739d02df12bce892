// Building blocks for the second held-out set: seeded randomness, checksums, spoken renderings,
// and a turn builder that records gold offsets while the text is assembled (so offsets can never
// drift from the text). Plain Node ESM, no dependencies.

/** mulberry32: small, fast, deterministic PRNG (same seed, same file, on every machine). */
export function makeRng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (arr) => arr[Math.floor(next() * arr.length)];
  const chance = (p) => next() < p;
  const digits = (n) => { let s = ''; for (let i = 0; i < n; i++) s += int(0, 9); return s; };
  return { next, int, pick, chance, digits };
}

// ---- checksums -------------------------------------------------------------------------------

export function luhnOk(d) {
  let sum = 0; let dbl = false;
  for (let i = d.length - 1; i >= 0; i--) {
    let n = Number(d[i]);
    if (dbl) { n *= 2; if (n > 9) n -= 9; }
    sum += n; dbl = !dbl;
  }
  return sum % 10 === 0;
}
export function luhnComplete(body) {
  for (let c = 0; c < 10; c++) if (luhnOk(body + c)) return body + c;
  throw new Error('unreachable');
}
/** ABA routing checksum: 3-7-1 weights over the nine digits, sum divisible by 10. */
export function abaOk(r) {
  const w = [3, 7, 1]; let s = 0;
  for (let i = 0; i < 9; i++) s += w[i % 3] * Number(r[i]);
  return r.length === 9 && s % 10 === 0;
}
export function abaComplete(body8) {
  for (let c = 0; c < 10; c++) if (abaOk(body8 + c)) return body8 + c;
  throw new Error('unreachable');
}
function mod97(str) {
  const expanded = str.toUpperCase().replace(/[A-Z]/g, (ch) => String(ch.charCodeAt(0) - 55));
  let r = 0;
  for (const ch of expanded) r = (r * 10 + Number(ch)) % 97;
  return r;
}
/** ISO 13616: valid when the rearranged number is 1 mod 97. */
export function ibanOk(iban) {
  const s = iban.replace(/\s/g, '');
  return mod97(s.slice(4) + s.slice(0, 4)) === 1;
}
export function makeIban(cc, bban) {
  const chk = 98 - mod97(bban + cc + '00');
  return cc + String(chk).padStart(2, '0') + bban;
}

// ---- spoken numbers ---------------------------------------------------------------------------

const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven',
  'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const ORD = { one: 'first', two: 'second', three: 'third', five: 'fifth', eight: 'eighth', nine: 'ninth', twelve: 'twelfth' };

export function n2w(n) {
  if (n < 20) return ONES[n];
  if (n < 100) return TENS[Math.floor(n / 10)] + (n % 10 ? ' ' + ONES[n % 10] : '');
  if (n < 1000) return ONES[Math.floor(n / 100)] + ' hundred' + (n % 100 ? ' ' + n2w(n % 100) : '');
  return n2w(Math.floor(n / 1000)) + ' thousand' + (n % 1000 ? ' ' + n2w(n % 1000) : '');
}
export function ordinal(n) {
  const w = n2w(n).split(' ');
  const last = w.pop();
  const o = ORD[last] ?? (last.endsWith('y') ? last.slice(0, -1) + 'ieth' : last + 'th');
  return [...w, o].join(' ');
}

export function speech(R) {
  const dw = (c) => (c === '0' ? (R.chance(0.65) ? 'oh' : 'zero') : ONES[Number(c)]);
  /** digit by digit, sometimes "double five" / "triple two". */
  const sayDigits = (s) => {
    const out = [];
    for (let i = 0; i < s.length; i++) {
      if (i + 2 < s.length && s[i] === s[i + 1] && s[i] === s[i + 2] && R.chance(0.5)) { out.push('triple ' + dw(s[i])); i += 2; }
      else if (i + 1 < s.length && s[i] === s[i + 1] && R.chance(0.4)) { out.push('double ' + dw(s[i])); i++; }
      else out.push(dw(s[i]));
    }
    return out.join(' ');
  };
  /** "4539" as "forty five thirty nine", "05" as "oh five". */
  const sayPair = (p) => (p[0] === '0' ? dw('0') + ' ' + dw(p[1]) : n2w(Number(p)));
  const sayPairs = (s) => {
    const out = [];
    for (let i = 0; i < s.length; i += 2) out.push(i + 1 < s.length ? sayPair(s.slice(i, i + 2)) : dw(s[i]));
    return out.join(' ');
  };
  /** groups of a number read one way or another */
  const sayGroups = (groups, mode) => groups.map((g) => (mode === 'pairs' && g.length % 2 === 0 ? sayPairs(g) : sayDigits(g))).join(' ');
  const house = (n) => {
    if (n < 100) return n2w(n);
    if (n < 1000) return R.chance(0.5) ? n2w(n) : ONES[Math.floor(n / 100)] + ' ' + (n % 100 < 10 ? 'oh ' + ONES[n % 100] : n2w(n % 100));
    if (n % 100 === 0) return n2w(n);
    return R.chance(0.7) ? n2w(Math.floor(n / 100)) + ' ' + (n % 100 < 10 ? 'oh ' + ONES[n % 100] : n2w(n % 100)) : sayDigits(String(n));
  };
  const year = (y) => {
    if (y >= 2000 && y < 2010) return 'two thousand' + (y % 10 ? ' ' + ONES[y % 10] : '');
    const lo = y % 100;
    return n2w(Math.floor(y / 100)) + ' ' + (lo === 0 ? 'hundred' : lo < 10 ? 'oh ' + ONES[lo] : n2w(lo));
  };
  const spell = (word) => word.toLowerCase().replace(/[^a-z]/g, '').split('').join(' ');
  return { dw, sayDigits, sayPairs, sayGroups, house, year, spell };
}

// ---- turn builder -----------------------------------------------------------------------------

/** A labelled piece: type, value per style ({f, a, c} or one string), entity key (pieces of one
 *  entity share a key). */
export const L = (type, v, key) => ({ label: type, v, key });
/** An unlabelled value rendered per style (hard negatives: order numbers, amounts ...). */
export const N = (v) => ({ neg: true, v });

export function renderValue(v, style) {
  if (typeof v === 'string') return style === 'asr' ? v.toLowerCase() : v;
  if (style === 'asr') return v.a;
  if (style === 'chat') return v.c ?? v.f;
  return v.f;
}

const ASR_STRIP = /[.,!?;:"()\u2014\u2026]/g;
export function asrPlain(s) {
  return s.toLowerCase().replace(/&/g, ' and ').replace(ASR_STRIP, ' ').replace(/ {2,}/g, ' ');
}

export class Conversation {
  constructor(style, R) { this.style = style; this.R = R; this.turns = []; this.gold = []; this.keys = new Map(); }
  entityId(key) {
    if (key === undefined) return this.keys.size + 1000 + this.gold.length; // placeholder, renumbered at the end
    if (!this.keys.has(key)) this.keys.set(key, `k${this.keys.size}`);
    return this.keys.get(key);
  }
  say(speaker, ...parts) {
    let text = '';
    const spans = [];
    for (const part of parts.flat()) {
      if (part === null || part === undefined || part === '') continue;
      if (typeof part === 'string') {
        let s = this.style === 'asr' ? asrPlain(part) : this.style === 'chat' && speaker === 'customer' ? this.typo(part) : part;
        if (text === '' || text.endsWith(' ')) s = s.replace(/^ +/, '');
        // after a filler ("uh, ") the sentence goes on in lower case
        if (/^(uh|um|er|so, uh), $/i.test(text) && /^[A-Z][a-z']/.test(s)) s = s[0].toLowerCase() + s.slice(1);
        text += s;
        continue;
      }
      const s = renderValue(part.v, this.style);
      if (part.label) {
        spans.push({ type: part.label, start: text.length, end: text.length + s.length, text: s, key: part.key ?? Symbol('e') });
      }
      text += s;
    }
    text = text.replace(/ +$/, '');
    const turn = this.turns.length;
    this.turns.push({ speaker, text });
    for (const sp of spans) this.gold.push({ ...sp, turn });
    return this;
  }
  /** chat: occasional swapped letters in a longer word (never inside a labelled value). */
  typo(s) {
    if (!this.R.chance(0.12)) return s;
    return s.replace(/\b([a-z]{5,})\b/, (w) => { const i = this.R.int(1, w.length - 3); return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2); });
  }
  finish(id, split, family) {
    const ids = new Map();
    const gold = this.gold.map((g) => {
      if (!ids.has(g.key)) ids.set(g.key, ids.size);
      return { type: g.type, turn: g.turn, start: g.start, end: g.end, text: g.text, entity: ids.get(g.key) };
    });
    return { id, split, family, style: this.style, turns: this.turns, gold };
  }
}
