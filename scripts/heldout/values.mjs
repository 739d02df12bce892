// Value generators and style renderers for the held-out redaction set.
// Everything draws from one seeded PRNG so the output is byte-for-byte reproducible.

let state = 0x9e3779b9;
export function seed(s) { state = s >>> 0; }
/** mulberry32: small, fast, deterministic PRNG. */
export function rand() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
export const int = (a, b) => a + Math.floor(rand() * (b - a + 1));
export const pick = (arr) => arr[Math.floor(rand() * arr.length)];
export const chance = (p) => rand() < p;
export const digits = (n) => Array.from({ length: n }, () => String(int(0, 9))).join('');

// ---------- spoken numbers ----------
const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const ORD = { one: 'first', two: 'second', three: 'third', five: 'fifth', eight: 'eighth', nine: 'ninth', twelve: 'twelfth' };
export function n2w(n) {
  if (n < 20) return ONES[n];
  if (n < 100) return TENS[Math.floor(n / 10)] + (n % 10 ? ' ' + ONES[n % 10] : '');
  if (n < 1000) return ONES[Math.floor(n / 100)] + ' hundred' + (n % 100 ? ' ' + n2w(n % 100) : '');
  const th = Math.floor(n / 1000), r = n % 1000;
  return n2w(th) + ' thousand' + (r ? ' ' + n2w(r) : '');
}
export function ordinal(n) {
  const w = n2w(n).split(' ');
  const last = w.pop();
  const o = ORD[last] ?? (last.endsWith('y') ? last.slice(0, -1) + 'ieth' : last + 'th');
  return [...w, o].join(' ');
}
export function ordSuffix(n) {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th');
  return n + s;
}
/** Digit by digit, with "oh" for zero and "double"/"triple" for runs, as callers really say them. */
export function digitWords(s, { oh = 0.5, dbl = 0.45 } = {}) {
  const out = [];
  const zero = chance(oh) ? 'oh' : 'zero';
  for (let i = 0; i < s.length;) {
    const d = s[i];
    let run = 1;
    while (s[i + run] === d) run++;
    const w = d === '0' ? zero : ONES[+d];
    if (run >= 3 && chance(dbl)) { out.push('triple ' + w); i += 3; continue; }
    if (run >= 2 && chance(dbl)) { out.push('double ' + w); i += 2; continue; }
    out.push(w); i += 1;
  }
  return out.join(' ');
}
/** Two digits as a pair: "47" -> "forty seven", "07" -> "oh seven". */
export function pairWords(p) {
  if (p[0] === '0') return 'oh ' + ONES[+p[1]];
  return n2w(+p);
}
export function yearWords(y) {
  if (y >= 2000 && y < 2010) return 'two thousand' + (y % 10 ? ' ' + ONES[y % 10] : '');
  const hi = n2w(Math.floor(y / 100));
  const lo = y % 100;
  return hi + ' ' + (lo === 0 ? 'hundred' : lo < 10 ? 'oh ' + ONES[lo] : n2w(lo));
}
/** Four digits said as two pairs ("twenty one forty seven") or digit by digit. */
export function fourWords(s) {
  if (chance(0.35) && s[0] !== '0' && s.slice(2) !== '00') return pairWords(s.slice(0, 2)) + ' ' + pairWords(s.slice(2));
  return digitWords(s);
}
export function houseWords(n) {
  const s = String(n);
  if (n < 100) return n2w(n);
  if (s.length === 3) return chance(0.5) ? n2w(n) : ONES[+s[0]] + ' ' + pairWords(s.slice(1));
  if (s.length === 4 && s[2] !== '0' && s[0] !== '0') return chance(0.6) ? pairWords(s.slice(0, 2)) + ' ' + pairWords(s.slice(2)) : digitWords(s);
  return digitWords(s);
}
const LETTER = (ch) => ch.toLowerCase();
/** Letters spelled one by one, digits spoken: "k y one one x t". */
export function alnumWords(s) {
  const out = [];
  let buf = '';
  const flush = () => { if (buf) { out.push(digitWords(buf)); buf = ''; } };
  for (const ch of s) {
    if (/[0-9]/.test(ch)) buf += ch;
    else { flush(); if (/[A-Za-z]/.test(ch)) out.push(LETTER(ch)); }
  }
  flush();
  return out.join(' ');
}
export function ascii(s) {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l').replace(/Ł/g, 'L').replace(/ø/g, 'o');
}

// ---------- checksums ----------
export function luhnComplete(prefix, len) {
  let body = prefix + digits(len - prefix.length - 1);
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = +body[body.length - 1 - i];
    if (i % 2 === 0) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
  }
  return body + String((10 - (sum % 10)) % 10);
}
export function luhnOk(s) {
  let sum = 0;
  for (let i = 0; i < s.length; i++) {
    let d = +s[s.length - 1 - i];
    if (i % 2 === 1) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
  }
  return sum % 10 === 0;
}
export function abaRouting() {
  const first = pick(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '21', '22', '23', '24', '25', '26', '27', '28', '29', '30', '31', '32']);
  const d = (first + digits(6)).split('').map(Number);
  const partial = 3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5]);
  d.push((10 - (partial % 10)) % 10);
  const s = d.join('');
  const c = s.split('').map(Number);
  if ((3 * (c[0] + c[3] + c[6]) + 7 * (c[1] + c[4] + c[7]) + c[2] + c[5] + c[8]) % 10 !== 0) throw new Error('aba');
  return s;
}
const upper = () => String.fromCharCode(65 + int(0, 25));
function mod97(str) {
  const num = str.replace(/[A-Z]/g, (ch) => String(ch.charCodeAt(0) - 55));
  return Number(BigInt(num) % 97n);
}
const IBAN_BBAN = {
  GB: () => upper() + upper() + upper() + upper() + digits(14),
  DE: () => digits(18),
  FR: () => digits(23),
  NL: () => upper() + upper() + upper() + upper() + digits(10),
  ES: () => digits(20),
  IE: () => upper() + upper() + upper() + upper() + digits(14),
  IT: () => upper() + digits(22),
  PL: () => digits(24),
  SA: () => digits(20), // SA is 24 characters: 2 letters, 2 check digits, 20 digits
  AE: () => digits(19),
  NO: () => digits(11),
  BE: () => digits(12),
};
export function iban(cc = pick(Object.keys(IBAN_BBAN))) {
  const bban = IBAN_BBAN[cc]();
  const check = 98 - mod97(bban + cc + '00');
  const out = cc + String(check).padStart(2, '0') + bban;
  if (mod97(out.slice(4) + out.slice(0, 4)) !== 1) throw new Error('iban');
  return out;
}
export function abaOk(s) {
  if (!/^\d{9}$/.test(s)) return false;
  const c = s.split('').map(Number);
  return (3 * (c[0] + c[3] + c[6]) + 7 * (c[1] + c[4] + c[7]) + c[2] + c[5] + c[8]) % 10 === 0;
}
export const ibanOk = (s) => mod97(s.slice(4) + s.slice(0, 4)) === 1;

// ---------- cards ----------
export const BRANDS = [
  { brand: 'Visa', len: 16, prefix: () => '4' + digits(int(0, 1) ? 1 : 0), groups: [4, 4, 4, 4] },
  { brand: 'Visa', len: 19, prefix: () => '4', groups: [4, 4, 4, 4, 3] },
  { brand: 'Mastercard', len: 16, prefix: () => String(int(2221, 2720)), groups: [4, 4, 4, 4] },
  { brand: 'Mastercard', len: 16, prefix: () => String(int(51, 55)), groups: [4, 4, 4, 4] },
  { brand: 'American Express', len: 15, prefix: () => pick(['34', '37']), groups: [4, 6, 5], cvv: 4 },
  { brand: 'Discover', len: 16, prefix: () => pick(['6011', '65', '644', '649']), groups: [4, 4, 4, 4] },
  { brand: 'JCB', len: 16, prefix: () => String(int(3528, 3589)), groups: [4, 4, 4, 4] },
  { brand: 'UnionPay', len: 19, prefix: () => '62', groups: [4, 4, 4, 4, 3] },
  { brand: 'Diners Club', len: 14, prefix: () => pick(['36', '38']), groups: [4, 6, 4] },
  { brand: 'Maestro', len: 18, prefix: () => pick(['6759', '5018']), groups: [4, 4, 4, 4, 2] },
];
export function card() {
  const b = pick(BRANDS);
  const pan = luhnComplete(b.prefix(), b.len);
  const groups = [];
  let i = 0;
  for (const g of b.groups) { groups.push(pan.slice(i, i + g)); i += g; }
  return { ...b, pan, groupStrs: groups, cvvLen: b.cvv ?? 3 };
}
