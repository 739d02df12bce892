/**
 * Spelled-out names (LABELS.md rule 2): "G-O-N-Z-A-L-E-Z" or "g o n z a l e z" is one PERSON span
 * over the letters, when the agent asked to spell a name or the letters spell a known name. A run
 * that goes on into "dot", "at", "underscore" or digits is an email or a username, not a name.
 */
import { isEnglishWord, lexicons } from '../lexicon/index.js';
import { F } from '../lexicon/word-flags.js';
import { turnWords, type Word } from '../lexicon/turn-words.js';
import type { ConversationView, TurnView } from '../types.js';
import { turnCache } from '../analysis/turn-cache.js';
import { askedFor, NAME_QUESTION } from './person-context.js';

const SPELL_QUESTION = /\bspell(?:ed|ing)?\b/;
const INNER_MARKS = new Set(['apostrophe', 'hyphen', 'dash', 'space']);
const CONTINUES_AS_HANDLE = new Set(['dot', 'at', 'underscore', 'dash', 'hyphen', '@', 'period']);
/** Abbreviations said letter by letter ("the i b a n is ..."), some of them names in the lexicons too ("Iban"). */
const SPELLED_ABBREVIATIONS = new Set(['iban', 'ssn', 'cvv', 'cvc', 'dob', 'imei', 'pin', 'otp', 'atm', 'ach', 'aba', 'vin', 'usa', 'nhs', 'ein', 'itin', 'bic', 'sms', 'pdf', 'faq', 'vat', 'hmrc', 'dvla', 'irs', 'llc', 'ceo']);

export interface SpelledName {
  start: number;
  end: number;
  pattern: string;
  score: number;
}

/** The NATO spelling alphabet. */
const NATO = new Set(['alpha', 'alfa', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet', 'juliett', 'kilo', 'lima', 'mike', 'november', 'oscar', 'papa', 'quebec', 'romeo', 'sierra', 'tango', 'uniform', 'victor', 'whiskey', 'whisky', 'xray', 'x-ray', 'yankee', 'zulu']);

/** Any NATO word in a turn (a prefilter for turns with no single letters). */
const NATO_HINT = new RegExp(`\\b(?:${[...NATO].join('|')})\\b`);

/** "r as in robert", "s for sam": the index after the example word when words[k] is a letter made sure of this way, else -1. */
function asInWord(words: readonly Word[], k: number): number {
  const letter = words[k];
  if (!isLetter(letter)) return -1;
  const l = (letter as Word).lower;
  const a = words[k + 1]?.lower;
  const b = words[k + 2]?.lower;
  if (a === 'as' && b === 'in' && words[k + 3]?.lower.startsWith(l)) return k + 4;
  if (a === 'for' && b !== undefined && b.length > 2 && b.startsWith(l)) return k + 3;
  return -1;
}

/** The word without a possessive 's. */
const bareLower = (w: Word): string => (w.flags & F.POSSESSIVE ? w.lower.replace(/['’]s$/, '') : w.lower);

const isLetter = (w: Word | undefined): boolean => w !== undefined && (w.flags & F.LETTER) !== 0;

interface SpelledRun {
  /** Word indexes [first, end) of the run. */
  first: number;
  end: number;
  letters: string;
}

/**
 * Runs of spelled letters in a turn: "G-O-N-Z-A-L-E-Z" (one word) or three or more single letters
 * ("g o n z a l e z", with "apostrophe" / "hyphen" between), not going on into "dot", "at" or
 * digits (an email or a username being spelled). Cached per turn: neighbours read them too.
 */
function spelledRuns(turn: TurnView): readonly SpelledRun[] {
  const memo = turnCache(turn);
  const cached = memo.spelledRuns as SpelledRun[] | undefined;
  if (cached !== undefined) return cached;
  const words = turnWords(turn);
  const out: SpelledRun[] = [];
  if (words.mask & (F.LETTER | F.SPELLED) || NATO_HINT.test(turn.lower)) {
    for (let i = 0; i < words.length; i++) {
      const w = words[i] as Word;
      let end = i;
      let letters = '';
      if (NATO.has(w.lower) && NATO.has(words[i + 1]?.lower ?? '') && NATO.has(words[i + 2]?.lower ?? '')) {
        // "alpha lima foxtrot alpha romeo": the NATO alphabet, three words at least.
        end = i;
        while (end < words.length && NATO.has((words[end] as Word).lower) && (end === i || !(words[end] as Word).pause)) {
          letters += (words[end] as Word).lower[0];
          end++;
        }
      } else if (w.flags & F.SPELLED) {
        end = i + 1;
        letters = w.lower.replace(/[-.]/g, '');
      } else {
        if (!(w.flags & F.LETTER)) continue;
        // "o apostrophe r e i l l y", "s m i t h hyphen j o n e s": spoken punctuation inside the name.
        // "H as in Harry, E, R as in Robert": a letter made sure of with a word that starts with it.
        while (end < words.length && (end === i || !(words[end] as Word).sentence)) {
          const x = words[end] as Word;
          const example = asInWord(words, end);
          if (example > 0) {
            letters += x.lower;
            end = example;
            continue;
          }
          if (isLetter(x)) letters += x.lower;
          else if (!(INNER_MARKS.has(x.lower) && isLetter(words[end + 1]))) break;
          end++;
        }
        if (end - i < 3) continue;
      }
      if (end === i) continue;
      const next = words[end];
      if (!(next && !next.pause && (CONTINUES_AS_HANDLE.has(next.lower) || next.flags & (F.NUMBER_WORD | F.DIGITS)))) out.push({ first: i, end, letters });
      i = end - 1;
    }
  }
  memo.spelledRuns = out;
  return out;
}

/**
 * The same letters spelled by the other party in the turn before or after: a read-back ("is that
 * h-a-r-g-r-e-a-v-e-s?" / "yes, H A R G R E A V E S"). Letters said twice to be sure are a name
 * or a handle, never small talk; four letters at least, and not an everyday word spelled out.
 */
function readBack(conversation: ConversationView, position: number, letters: string): boolean {
  if (letters.length < 4 || isEnglishWord(letters)) return false;
  const self = conversation.turns[position];
  for (const p of [position - 1, position + 1]) {
    const other = conversation.turns[p];
    if (other === undefined || (self?.speaker !== undefined && other.speaker === self.speaker)) continue;
    if (spelledRuns(other).some((r) => r.letters === letters)) return true;
  }
  return false;
}

/** Spelled names in one turn (`position` is its place in the conversation). */
export function spelledNames(conversation: ConversationView, position: number, turn: TurnView): SpelledName[] {
  const runs = spelledRuns(turn);
  const out: SpelledName[] = [];
  if (runs.length === 0) return out;
  const words = turnWords(turn);
  let asked: boolean | undefined;
  for (const { first: i, end, letters } of runs) {
    if (SPELLED_ABBREVIATIONS.has(letters)) continue;
    const w = words[i] as Word;
    // Asked to spell, or letters given as the answer to "and the surname?" / "your full name?".
    asked ??= askedFor(conversation, position, SPELL_QUESTION) || SPELL_QUESTION.test(turn.lower) || askedFor(conversation, position, NAME_QUESTION);
    // Known name, or spelling out what was just said ("keanu kahananui k a h a n a n u i").
    const said = words[i - 1]?.lower === letters || words[i - 2]?.lower === letters || (words[i - 2]?.lower ?? '') + (words[i - 1]?.lower ?? '') === letters;
    const known = said || lexicons().names.has(letters);
    const repeated = !asked && !known && readBack(conversation, position, letters);
    if (asked || known || repeated) {
      out.push({
        start: w.start,
        end: (words[end - 1] as Word).end,
        pattern: asked ? 'spelled-on-request' : known ? 'spelled-known-name' : 'spelled-read-back',
        score: asked ? 0.85 : 0.75,
      });
      // "Kirra, price. That's P R I C E.": the word the spelling spells out is the name too, even an everyday word.
      for (let k = Math.max(0, i - 8); k < i; k++) {
        const x = words[k] as Word;
        if (bareLower(x) === letters && letters.length >= 2) out.push({ start: x.start, end: x.start + letters.length, pattern: 'spelled-echo', score: 0.8 });
      }
    }
  }
  return out;
}
