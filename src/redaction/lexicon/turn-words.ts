/**
 * The words of a turn as the PERSON / ADDRESS / POSTAL_CODE / USERNAME detectors read them: one
 * scan per turn, cached, with the punctuation between words kept as two flags (a comma-like pause,
 * a sentence end) because names and addresses end where the speaker pauses.
 */
import type { TurnView } from '../types.js';
import { wordFlags } from './word-flags.js';

/** A word of a turn. `text` is sliced from the turn only when asked for (most words never are). */
export class Word {
  constructor(
    private readonly source: string,
    readonly lower: string,
    readonly start: number,
    readonly end: number,
    /** What the lexicons say about the word (see word-flags.ts). */
    readonly flags: number,
    /** First character is an upper-case letter. */
    readonly cap: boolean,
    /** A comma, colon, semicolon, dash or bracket (or a sentence end) stands before this word. */
    readonly pause: boolean,
    /** A full stop, question or exclamation mark stands before this word (or it is the first word). */
    readonly sentence: boolean,
  ) {}

  get text(): string {
    return this.source.slice(this.start, this.end);
  }
}

/** Abbreviations whose full stop is not a sentence end ("Mr. Okafor", "Oak St. Apt 4"). */
const DOTTED = new Set(['mr', 'mrs', 'ms', 'mx', 'dr', 'st', 'ave', 'rd', 'jr', 'sr', 'apt', 'no', 'blvd', 'ln', 'ct', 'mt', 'ft', 'prof', 'pl']);
const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;

/** The words of a turn, with the union of their flags (a cheap per-turn prefilter). */
export interface TurnWords extends ReadonlyArray<Word> {
  readonly mask: number;
}

/** The words are kept on the TurnView itself under a private symbol (a WeakMap costs more in GC). */
const WORDS = Symbol('callvault.turnWords');
type WithWords = TurnView & { [WORDS]?: TurnWords };

/** Words of `turn.text`, scanned once per TurnView and shared by the detectors. */
export function turnWords(turn: TurnView): TurnWords {
  const holder = turn as WithWords;
  let words = holder[WORDS];
  if (!words) {
    words = scanWords(turn.text, turn.lower);
    if (Object.isExtensible(turn)) holder[WORDS] = words;
  }
  return words;
}

/** 1 for ASCII letters and digits: a table lookup per character on the hot path. */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;

function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII_WORD[c] === 1;
  if (c >= 0xd800 && c <= 0xdfff) return false; // astral: emoji and the like
  return LETTER_OR_DIGIT.test(text[i] as string);
}

/** Characters joining two word parts: "don't", "jose.ivanov7", "a@b.com", "G-O-N", "58170-8411". */
function isJoiner(c: number): boolean {
  return c === 39 || c === 8217 || c === 46 || c === 64 || c === 95 || c === 43 || c === 45;
}

/**
 * Scans a text into words: letters/digits joined by inner ' ’ . @ _ + - (emails, handles,
 * "G-O-N-Z-A-L-E-Z"), and a lone '#'. `lower` is the text lower-cased (same length) when known.
 */
export function scanWords(text: string, lower?: string): Word[] & { mask: number } {
  const low = lower !== undefined && lower.length === text.length ? lower : undefined;
  const out = Object.assign([] as Word[], { mask: 0 });
  let mask = 0;
  const n = text.length;
  let prevEnd = 0;
  let prevLower = '';
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const hash = c === 35;
    if (!hash && !isWordChar(text, i)) {
      i++;
      continue;
    }
    const start = i;
    if (hash) i++;
    else {
      i++;
      for (;;) {
        while (i < n && isWordChar(text, i)) i++;
        // A dot before a capital letter ends a sentence written without a space ("Road].Cost").
        const j = text.charCodeAt(i);
        if (i + 1 < n && isJoiner(j) && isWordChar(text, i + 1) && !(j === 46 && (isUpper(text.charCodeAt(i + 1)) || runInNumber(text, start, i)))) i += 2;
        else break;
      }
    }
    let pause = false;
    let sentence = out.length === 0;
    for (let k = prevEnd; k < start; k++) {
      const g = text.charCodeAt(k);
      // . ? ! end a sentence, except the dot of an abbreviation ("Mr.") or an initial ("J.").
      if (g === 46) {
        // "Mark I. Bouchard": a capital I between two capitalised words is a middle initial too.
        const middleI = prevLower === 'i' && (out.at(-2)?.cap ?? false) && isUpper(text.charCodeAt(start));
        if (!((DOTTED.has(prevLower) || isInitial(prevLower) || middleI) && k === prevEnd)) sentence = true;
      } else if (g === 63 || g === 33 || g === 10) sentence = true;
      else if (g === 44 || g === 58 || g === 59 || g === 40 || g === 41 || g === 8212 || g === 8211 || g === 34) pause = true;
    }
    let wl: string;
    let flags: number;
    if (low) {
      const slot = internedSlot(low, start, i);
      wl = internedWords[slot] as string;
      flags = internedFlags[slot] as number;
    } else {
      wl = text.slice(start, i).toLowerCase();
      flags = wordFlags(wl);
    }
    mask |= flags;
    out.push(new Word(text, wl, start, i, flags, text.charCodeAt(start) !== wl.charCodeAt(0), pause || sentence, sentence));
    prevEnd = i;
    prevLower = wl;
  }
  out.mask = mask;
  return out;
}

/**
 * Interned words: an open-addressing table keyed by a hash of the characters, so a word seen before
 * is found without slicing a new string and every occurrence shares one string (fewer allocations,
 * and a small table stays in cache where a Map of string keys did not). Cleared when half full.
 */
const INTERN_BITS = 14;
const INTERN_MASK = (1 << INTERN_BITS) - 1;
const internedWords: Array<string | undefined> = new Array<string | undefined>(1 << INTERN_BITS).fill(undefined);
const internedHashes = new Int32Array(1 << INTERN_BITS);
const internedFlags = new Int32Array(1 << INTERN_BITS);
let internedCount = 0;

/** Slot of low[start, end) in the intern table, adding the word (and its flags) when new. */
function internedSlot(low: string, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let k = start; k < end; k++) h = Math.imul(h ^ low.charCodeAt(k), 16777619);
  const len = end - start;
  let slot = h & INTERN_MASK;
  for (;;) {
    const word = internedWords[slot];
    if (word === undefined) break;
    if (internedHashes[slot] === h && word.length === len && sameChars(word, low, start)) return slot;
    slot = (slot + 1) & INTERN_MASK;
  }
  if (internedCount >= INTERN_MASK >> 1) {
    internedWords.fill(undefined);
    internedCount = 0;
    slot = h & INTERN_MASK;
  }
  const word = low.slice(start, end);
  internedWords[slot] = word;
  internedHashes[slot] = h;
  internedFlags[slot] = wordFlags(word);
  internedCount++;
  return slot;
}

function sameChars(word: string, text: string, at: number): boolean {
  for (let k = 0; k < word.length; k++) if (word.charCodeAt(k) !== text.charCodeAt(at + k)) return false;
  return true;
}

/**
 * "Tickets are bought.1 Lincoln Way is the venue": a sentence run into a number with no space. The
 * dot at `dot` ends a word of letters only and digits follow up to a space; a handle or an email
 * ("priya.25@aol.com", "jose.ivanov7") goes on past the digits, a version ("v2.1") has a digit before.
 */
function runInNumber(text: string, start: number, dot: number): boolean {
  if (dot - start < 2) return false;
  for (let k = start; k < dot; k++) {
    const c = text.charCodeAt(k) | 32;
    if (c < 97 || c > 122) return false;
  }
  let k = dot + 1;
  while (k < text.length && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
  return k > dot + 1 && text.charCodeAt(k) === 32 && isUpper(text.charCodeAt(k + 1));
}

function isInitial(lower: string): boolean {
  if (lower.length !== 1) return false;
  const c = lower.charCodeAt(0);
  return (c >= 97 && c <= 122 && c !== 105) || c > 127;
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}
