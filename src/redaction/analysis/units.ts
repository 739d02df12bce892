import type { Token } from '../types.js';
import { DIGIT_WORDS, ORDINAL_WORDS, TEEN_WORDS, isNumberWord, isWeakZero, parseNumberRun } from './number-words.js';

/**
 * First step of normalization: group tokens into units. A unit is a plain token, or a run of
 * spoken number words ("six hundred sixty two"), or a run of spelled letters possibly mixed with
 * digits ("g o n z a l e z", "b seven s eight z oh"). Each rendered unit lists the pieces it
 * writes and the original range of each piece.
 */
export type UnitKind = 'word' | 'digits' | 'number' | 'spelled' | 'conn' | 'at';

export interface Piece {
  text: string;
  from: number;
  to: number;
}

export interface Unit {
  kind: UnitKind;
  start: number;
  end: number;
  /** Index range of the tokens [first, last]. */
  first: number;
  last: number;
  /** Rewritten pieces; undefined when the unit is copied verbatim. */
  pieces?: Piece[];
  /** Rendered text (pieces joined, or the token text). */
  rendered: string;
}

const CONNECTORS: ReadonlyMap<string, string> = new Map([
  ['dot', '.'], ['point', '.'], ['underscore', '_'], ['dash', '-'], ['hyphen', '-'], ['slash', '/'], ['colon', ':'],
]);
export function connectorSymbol(lower: string): string | undefined {
  return CONNECTORS.get(lower);
}

const MONTHS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);


const DIGITS = /^\p{Nd}+$/u;
/** Quick reject before DIGITS (speed only): an ASCII first character other than 0-9 is not a decimal digit. */
function startsDigits(text: string): boolean {
  const c = text.charCodeAt(0);
  return c > 127 || (c >= 48 && c <= 57);
}
/** Separators that keep a dictated run together: spaces, hyphens ("G-O-N"), a comma pause at most. */
const JOINABLE_SEP = /^(?:[ \t]{1,3}|\s?-\s?|, ?)$/;

function joinable(text: string, a: Token, b: Token): boolean {
  const sep = text.slice(a.end, b.start);
  return sep.length <= 3 && JOINABLE_SEP.test(sep);
}

/** Is token i a spoken number word here? Weak words ("oh", "second", "double") need a neighbour. */
function isNumberAt(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i] as Token;
  const w = t.lower;
  if (!isNumberWord(w)) return false;
  const prev = tokens[i - 1]?.lower;
  const next = tokens[i + 1]?.lower;
  const strongNeighbour = isStrongNumber;
  if (isWeakZero(w)) {
    // "oh nine", "four oh one", "double oh seven", "oh oh seven": a zero only inside a number.
    // The nearest word on either side that is not itself "oh" decides ("five oh oh", "oh oh seven").
    let p = i - 1;
    while (p >= 0 && isWeakZero((tokens[p] as Token).lower)) p -= 1;
    let n = i + 1;
    while (n < tokens.length && isWeakZero((tokens[n] as Token).lower)) n += 1;
    if (strongNeighbour(tokens[p]?.lower) || strongNeighbour(tokens[n]?.lower)) return true;
    // "ten dot oh dot zero dot one": a zero between the dots of a dictated address or version.
    const dotted = (side: number, beyond: number) => tokens[side]?.lower === 'dot' && (strongNeighbour(tokens[beyond]?.lower) || isWeakZero(tokens[beyond]?.lower ?? ''));
    if (dotted(i - 1, i - 2) || dotted(i + 1, i + 2)) return true;
    // "b seven s eight z oh" (a dictated postcode): a letter between it and the previous number.
    const prevIsLetter = prev !== undefined && prev.length === 1 && prev !== 'a' && prev !== 'i';
    return w === 'oh' && prevIsLetter && strongNeighbour(tokens[i - 2]?.lower);
  }
  if (w === 'double' || w === 'triple') return next !== undefined && DIGIT_WORDS.has(next);
  if (w === 'hundred' || w === 'thousand') return prev !== undefined && (DIGIT_WORDS.has(prev) || TEEN_WORDS.has(prev));
  if (w === 'second' || w === 'first') {
    const ofMonth = next === 'of' && MONTHS.has(tokens[i + 2]?.lower ?? '');
    return strongNeighbour(prev) || strongNeighbour(next) || (prev !== undefined && MONTHS.has(prev)) || ofMonth;
  }
  // "last four 9224", "the last four eighty nine seventy eight": "four" names how many digits follow.
  if (COUNT_WORDS.has(w) && (prev === 'last' || prev === 'first') && next !== undefined && (isNumberWord(next) || DIGITS.test(next))) return false;
  return true;
}

/** Digit counts said before a partial number ("last four", "first two"). */
const COUNT_WORDS = new Set(['two', 'three', 'four', 'five', 'six']);

function isLetterToken(t: Token): boolean {
  if (t.text.length !== 1) return false;
  const c = t.text.charCodeAt(0);
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c > 127 && t.lower !== t.text.toUpperCase());
}

/** Renders a run of number words as digit pieces; an ordinal ends the digit string (a space follows). */
function numberPieces(tokens: readonly Token[], from: number, to: number): Piece[] {
  const words: string[] = [];
  for (let i = from; i <= to; i++) words.push((tokens[i] as Token).lower);
  const pieces: Piece[] = [];
  let covered = 0;
  for (const g of parseNumberRun(words)) {
    for (; covered < g.from; covered++) {
      const t = tokens[from + covered] as Token;
      pieces.push({ text: ` ${t.text} `, from: t.start, to: t.end });
    }
    const a = tokens[from + g.from] as Token;
    const b = tokens[from + g.to - 1] as Token;
    pieces.push({ text: g.digits, from: a.start, to: b.end });
    if (g.ordinal && g.to < words.length) pieces.push({ text: ' ', from: b.end, to: b.end });
    covered = g.to;
  }
  for (; covered < words.length; covered++) {
    const t = tokens[from + covered] as Token;
    pieces.push({ text: ` ${t.text}`, from: t.start, to: t.end });
  }
  return pieces;
}

function render(pieces: readonly Piece[]): string {
  let s = '';
  for (const p of pieces) s += p.text;
  return s;
}

/** Can token k be part of a dictated run? Number words, single letters, "and" in "six hundred and two". */
function inRun(tokens: readonly Token[], numeric: readonly boolean[], k: number): boolean {
  const tk = tokens[k] as Token;
  if (numeric[k] || isLetterToken(tk)) return true;
  const before = tokens[k - 1]?.lower;
  return tk.lower === 'and' && (before === 'hundred' || before === 'thousand') && numeric[k + 1] === true;
}

function isStrongNumber(x: string | undefined): boolean {
  return x !== undefined && isNumberWord(x) && !isWeakZero(x);
}

/** Splits the token list into units (see the file comment). */
export function buildUnits(text: string, tokens: readonly Token[]): Unit[] {
  const units: Unit[] = [];
  const numeric: boolean[] = new Array<boolean>(tokens.length);
  for (let k = 0; k < tokens.length; k++) numeric[k] = isNumberAt(tokens, k);
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i] as Token;
    if (!inRun(tokens, numeric, i)) {
      const symbol = connectorSymbol(t.lower);
      const kind: UnitKind = symbol !== undefined ? 'conn' : t.lower === 'at' ? 'at' : startsDigits(t.text) && DIGITS.test(t.text) ? 'digits' : 'word';
      units.push({ kind, start: t.start, end: t.end, first: i, last: i, rendered: t.text });
      i += 1;
      continue;
    }
    let j = i;
    while (j + 1 < tokens.length && inRun(tokens, numeric, j + 1) && joinable(text, tokens[j] as Token, tokens[j + 1] as Token)) j += 1;
    // Trim the words "a" / "I" from the edges: "i", "a" are words far more often than spelled letters.
    let a = i;
    let b = j;
    const edgeWord = (k: number): boolean => !numeric[k] && ((tokens[k] as Token).lower === 'a' || (tokens[k] as Token).lower === 'i');
    // ...unless a spelled value continues through a connector ("t a k u m i dot p a t e l").
    const spelledOn = (k: number): boolean => connectorSymbol(tokens[k]?.lower ?? '') !== undefined || tokens[k]?.lower === 'at';
    // ...or a spelled domain label after "dot" ("hotmail dot c a"), or an IBAN's country code
    // followed by its check digits ("i t two four f ...", "a e zero five ...").
    const afterDot = tokens[i - 1]?.lower === 'dot';
    const countryCode = j > i + 1 && isLetterToken(tokens[i + 1] as Token) && numeric[i + 2] === true && numeric[i + 3] === true;
    if (!spelledOn(i - 1) && !countryCode) while (a <= b && edgeWord(a)) a += 1;
    if (!spelledOn(j + 1) && !afterDot) while (b >= a && edgeWord(b)) b -= 1;
    for (let k = i; k < a; k++) pushWord(units, tokens, k);
    if (a <= b) pushRun(units, text, tokens, numeric, a, b);
    for (let k = b + 1; k <= j; k++) pushWord(units, tokens, k);
    i = j + 1;
  }
  return units;
}

function pushWord(units: Unit[], tokens: readonly Token[], k: number): void {
  const t = tokens[k] as Token;
  units.push({ kind: 'word', start: t.start, end: t.end, first: k, last: k, rendered: t.text });
}

function pushRun(units: Unit[], text: string, tokens: readonly Token[], numeric: readonly boolean[], a: number, b: number): void {
  // "o" beside letters is the letter ("g o n"); beside numbers it is a zero ("four o one").
  const asLetter = (k: number): boolean => {
    const tk = tokens[k] as Token;
    if (!isLetterToken(tk)) return false;
    return tk.lower !== 'o' || !numeric[k] || isLetterNeighbour(tokens, k, a, b);
  };
  let letters = 0;
  for (let k = a; k <= b; k++) if (asLetter(k)) letters += 1;
  const spelled = letters >= 2;
  if (spelled) {
    const pieces: Piece[] = [];
    let k = a;
    while (k <= b) {
      const tk = tokens[k] as Token;
      if (asLetter(k)) {
        pieces.push({ text: tk.text, from: tk.start, to: tk.end });
        k += 1;
        continue;
      }
      if (tk.lower === 'and') {
        k += 1;
        continue;
      }
      let e = k;
      while (e + 1 <= b && numeric[e + 1] && !asLetter(e + 1)) e += 1;
      if (numeric[k]) pieces.push(...numberPieces(tokens, k, e).map((p) => ({ ...p, text: p.text.trim() })));
      else pieces.push({ text: tk.text, from: tk.start, to: tk.end });
      k = e + 1;
    }
    const first = tokens[a] as Token;
    const last = tokens[b] as Token;
    units.push({ kind: 'spelled', start: first.start, end: last.end, first: a, last: b, pieces, rendered: render(pieces) });
    return;
  }
  // A number run; single letters inside it (not "o") split it.
  let k = a;
  while (k <= b) {
    const tk = tokens[k] as Token;
    if (!numeric[k] && tk.lower !== 'and') {
      pushWord(units, tokens, k);
      k += 1;
      continue;
    }
    let e = k;
    while (e + 1 <= b && (numeric[e + 1] || (tokens[e + 1] as Token).lower === 'and')) e += 1;
    const onlyWeak = (() => {
      for (let x = k; x <= e; x++) if (!isWeakZero((tokens[x] as Token).lower)) return false;
      return true;
    })();
    // A lone "oh" is a word, except between the dots of a dictated number ("ten dot oh dot one").
    const dotted = tokens[k - 1]?.lower === 'dot' || tokens[e + 1]?.lower === 'dot';
    if (onlyWeak && !dotted) {
      for (let x = k; x <= e; x++) pushWord(units, tokens, x);
    } else {
      const pieces = numberPieces(tokens, k, e);
      const s = tokens[k] as Token;
      const en = tokens[e] as Token;
      units.push({ kind: 'number', start: s.start, end: en.end, first: k, last: e, pieces, rendered: render(pieces) });
    }
    k = e + 1;
  }
  void text;
}

function isLetterNeighbour(tokens: readonly Token[], k: number, a: number, b: number): boolean {
  const prev = k > a ? tokens[k - 1] : undefined;
  const next = k < b ? tokens[k + 1] : undefined;
  return (prev !== undefined && isLetterToken(prev) && prev.lower !== 'o') || (next !== undefined && isLetterToken(next) && next.lower !== 'o');
}
