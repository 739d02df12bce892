// Spoken forms of numbers, letters and years, plus a decoder used by the generator's self-checks.
export const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
export const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
export const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ORD_ONES = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];
const ORD_TEENS = ['tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth'];
export const NATO = { a: 'alpha', b: 'bravo', c: 'charlie', d: 'delta', e: 'echo', f: 'foxtrot', g: 'golf', h: 'hotel', i: 'india', j: 'juliet', k: 'kilo', l: 'lima', m: 'mike', n: 'november', o: 'oscar', p: 'papa', q: 'quebec', r: 'romeo', s: 'sierra', t: 'tango', u: 'uniform', v: 'victor', w: 'whiskey', x: 'x-ray', y: 'yankee', z: 'zulu' };
// "s as in sam" example words
export const AS_IN = { a: 'apple', b: 'boy', c: 'cat', d: 'dog', e: 'edward', f: 'frank', g: 'george', h: 'harry', i: 'ice', j: 'john', k: 'king', l: 'larry', m: 'mary', n: 'nancy', o: 'ocean', p: 'peter', q: 'queen', r: 'robert', s: 'sam', t: 'tom', u: 'umbrella', v: 'victor', w: 'william', x: 'x-ray', y: 'yellow', z: 'zebra' };

export function cardinal(n, { and = false } = {}) {
  if (n < 10) return ONES[n];
  if (n < 20) return TEENS[n - 10];
  if (n < 100) return TENS[Math.floor(n / 10)] + (n % 10 ? ' ' + ONES[n % 10] : '');
  if (n < 1000) return ONES[Math.floor(n / 100)] + ' hundred' + (n % 100 ? (and ? ' and ' : ' ') + cardinal(n % 100) : '');
  if (n < 1e6) return cardinal(Math.floor(n / 1000), { and }) + ' thousand' + (n % 1000 ? (and && n % 1000 < 100 ? ' and ' : ' ') + cardinal(n % 1000, { and }) : '');
  throw new Error('cardinal: too large ' + n);
}
export function ordinal(n) {
  if (n < 10) return ORD_ONES[n];
  if (n < 20) return ORD_TEENS[n - 10];
  if (n % 10 === 0) return TENS[n / 10].replace(/y$/, 'ieth');
  return TENS[Math.floor(n / 10)] + ' ' + ORD_ONES[n % 10];
}
export const ordSuffix = (n) => (n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] || 'th'));

/** digit-by-digit; letters become single lowercase letters. opts.zero: 'oh'|'zero'|'mix'; opts.doubles: probability of "double x"/"triple x" */
export function spellDigits(str, rng, { zero = 'oh', doubles = 0 } = {}) {
  const chars = String(str).replace(/[^0-9A-Za-z]/g, '').toLowerCase().split('');
  const out = [];
  const z = () => (zero === 'mix' ? (rng.chance(0.6) ? 'oh' : 'zero') : zero);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const w = /[0-9]/.test(ch) ? (ch === '0' ? z() : ONES[+ch]) : ch;
    if (/[0-9]/.test(ch) && doubles && rng) {
      if (chars[i + 1] === ch && chars[i + 2] === ch && rng.chance(doubles)) { out.push('triple ' + w); i += 2; continue; }
      if (chars[i + 1] === ch && chars[i + 2] !== ch && rng.chance(doubles)) { out.push('double ' + w); i += 1; continue; }
    }
    out.push(w);
  }
  return out.join(' ');
}
/** "4532" -> "forty five thirty two", "0708" -> "oh seven oh eight", "4500" -> "forty five oh oh" (no "hundred": ambiguous before more digits) */
export function spellPairs(str) {
  const s = String(str);
  if (s.length % 2) throw new Error('spellPairs needs even length');
  const out = [];
  for (let i = 0; i < s.length; i += 2) {
    const p = s.slice(i, i + 2);
    if (p[0] === '0') out.push((p === '00' ? 'oh oh' : 'oh ' + ONES[+p[1]]));
    else out.push(cardinal(+p));
  }
  return out.join(' ');
}
/** spoken house/street number */
export function houseNumber(n, rng) {
  if (n < 100) return cardinal(n);
  if (n < 1000) return rng.chance(0.5) ? cardinal(n) : ONES[Math.floor(n / 100)] + ' ' + (n % 100 < 10 ? (n % 100 ? 'oh ' + ONES[n % 100] : 'hundred') : cardinal(n % 100));
  if (n < 10000) {
    if (n % 1000 === 0) return cardinal(n);
    const hi = Math.floor(n / 100), lo = n % 100;
    if (hi % 10 === 0 && rng.chance(0.5)) return cardinal(n); // "two thousand fifteen"
    return cardinal(hi) + ' ' + (lo === 0 ? 'hundred' : lo < 10 ? 'oh ' + ONES[lo] : cardinal(lo));
  }
  return rng.chance(0.5) ? spellDigits(String(n), rng) : cardinal(Math.floor(n / 1000)) + ' ' + (n % 1000 < 100 ? spellDigits(String(n % 1000).padStart(3, '0'), rng) : cardinal(n % 1000));
}
export function yearWords(y, rng) {
  if (y >= 2000 && y < 2010) return y === 2000 ? 'two thousand' : 'two thousand ' + (rng && rng.chance(0.3) ? 'and ' : '') + ONES[y % 10];
  const hi = Math.floor(y / 100), lo = y % 100;
  return cardinal(hi) + ' ' + (lo === 0 ? 'hundred' : lo < 10 ? 'oh ' + ONES[lo] : cardinal(lo));
}
export const twoDigitYearWords = (y) => { const lo = y % 100; return lo < 10 ? 'oh ' + ONES[lo] : cardinal(lo); };

export function moneyWords(amount, cur = 'USD', { and = false } = {}) {
  const whole = Math.floor(amount + 1e-9), cents = Math.round((amount - whole) * 100);
  const unit = { USD: ['dollar', 'dollars', 'cents'], CAD: ['dollar', 'dollars', 'cents'], GBP: ['pound', 'pounds', 'p'], EUR: ['euro', 'euros', 'cents'] }[cur];
  let s = cardinal(whole, { and }) + ' ' + (whole === 1 ? unit[0] : unit[1]);
  if (cents) s += (cur === 'GBP' ? ' ' + cardinal(cents) : ' and ' + cardinal(cents) + ' ' + unit[2]);
  return s;
}
export function timeWords(h, m) {
  const h12 = ((h + 11) % 12) + 1, ap = h < 12 ? 'a m' : 'p m';
  if (m === 0) return `${cardinal(h12)} ${ap}`;
  return `${cardinal(h12)} ${m < 10 ? 'oh ' + ONES[m] : cardinal(m)} ${ap}`;
}

// ---------- decoder (self-check) ----------
const WORD_DIGIT = Object.fromEntries(ONES.map((w, i) => [w, i]));
WORD_DIGIT.oh = 0; WORD_DIGIT.o = 0;
const NATO_REV = Object.fromEntries(Object.entries(NATO).map(([k, v]) => [v.replace('-', ''), k]));
/** Decode a written or spoken value into its letters+digits (uppercase). Ignores filler words like dash, dot, slash. */
export function decodeAlnum(text, { letterO = false, hundred00 = false } = {}) {
  const toks = text.toLowerCase().replace(/x-ray/g, 'xray').split(/[^a-z0-9]+/).filter(Boolean);
  let out = '';
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i], nx = toks[i + 1];
    if (/^[0-9]+$/.test(t)) { out += t; continue; }
    if (t === 'as' && nx === 'in') { i += 2; continue; }
    if (t === 'double' || t === 'triple') {
      const d = WORD_DIGIT[nx] ?? (nx && nx.length === 1 ? nx : null);
      if (d === null || d === undefined) throw new Error(`decode: ${t} ${nx}`);
      out += String(d).repeat(t === 'double' ? 2 : 3); i++; continue;
    }
    if (t === 'o' && !letterO) { out += '0'; continue; }
    if (t in WORD_DIGIT && t !== 'o') { out += WORD_DIGIT[t]; continue; }
    const teen = TEENS.indexOf(t);
    if (teen >= 0) { out += String(10 + teen); continue; }
    const ten = TENS.indexOf(t);
    if (ten >= 2) {
      if (nx && nx in WORD_DIGIT && nx !== 'oh' && nx !== 'o' && WORD_DIGIT[nx] > 0) { out += String(ten * 10 + WORD_DIGIT[nx]); i++; }
      else out += String(ten * 10);
      continue;
    }
    if (t === 'hundred') {
      if (hundred00) { out += '00'; continue; }
      if (nx && (TENS.indexOf(nx) >= 2 || TEENS.includes(nx))) continue;
      if (nx && nx in WORD_DIGIT && nx !== 'oh' && nx !== 'o') { out += '0'; continue; }
      out += '00'; continue;
    }
    if (NATO_REV[t]) { out += NATO_REV[t].toUpperCase(); continue; }
    if (t.length === 1) { out += t; continue; }
    if (['dash', 'dot', 'point', 'slash', 'hyphen', 'space', 'plus', 'and'].includes(t)) continue;
    throw new Error(`decode: unknown token "${t}" in "${text}"`);
  }
  return out.toUpperCase();
}
