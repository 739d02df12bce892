/**
 * Everything the lexicons say about a word, as bit flags computed once per distinct word and
 * memoised: detectors then test bits instead of probing several sets per word (speed: the engine
 * must run at tens of MB/s on one core).
 */
import { CALENDAR_WORDS, FILLER_WORDS, FUNCTION_WORDS, ORG_WORDS, PERSONAL_TITLES, UNIT_WORDS } from './closed-classes.js';
import { isEnglishWord, lexicons } from './index.js';
import { isDigitWord, isNumberWord } from './spoken-numbers.js';

export const F = {
  /** A spoken number word ("oh", "double", "forty", "hundred"). */
  NUMBER_WORD: 1 << 0,
  /** Digits, optionally with one trailing letter ("62704", "12b"). */
  DIGITS: 1 << 1,
  FUNCTION: 1 << 2,
  FILLER: 1 << 3,
  /** In the name lexicons. */
  NAME: 1 << 4,
  /** A name that is also an everyday word or a month ("will", "may", "rose"). */
  AMBIGUOUS: 1 << 5,
  /** An English word that is not a known name. */
  ENGLISH: 1 << 6,
  STREET_SUFFIX: 1 << 7,
  UNIT: 1 << 8,
  ORG: 1 << 9,
  CALENDAR: 1 << 10,
  /** One letter ("g", "a"). */
  LETTER: 1 << 11,
  /** Letters only (with ' - and marks): could be a name. */
  NAME_SHAPE: 1 << 12,
  /** Ends with a possessive 's (flags describe the word without it). */
  POSSESSIVE: 1 << 13,
  /** A known name that is also an English word written both ways ("ivory"/"Ivory", "faith"). */
  VOCAB_NAME: 1 << 14,
  /** Has a digit somewhere ("sw1a", "l4c", "4821"). */
  HAS_DIGIT: 1 << 15,
  /** Letters joined by hyphens or dots: a spelled word ("g-o-n-z-a-l-e-z"). */
  SPELLED: 1 << 16,
  /** A city, state, county or country name on its own ("portland", "ohio", "america"). */
  PLACE: 1 << 17,
  /** A word of a question about someone's name ("name", "spell", "who"): gates a costlier regex. */
  NAME_QUESTION_WORD: 1 << 18,
  /** A word about account handles ("username", "login", "handle"): gates the USERNAME detector. */
  USERNAME_WORD: 1 << 19,
  /** A dictionary proper noun that is not a known name ("Madrid", "American"). */
  PROPER: 1 << 20,
  /** A personal title ("mr", "mister", "dr"), the word exactly as written (never with a possessive 's). */
  PERSONAL_TITLE: 1 << 21,
} as const;

const NAME_SHAPE = /^\p{L}[\p{L}\p{M}'’-]*$/u;
const SPELLED = /^\p{L}(?:[-.]\p{L}){2,}$/u;
const NAME_QUESTION_WORDS = new Set(['name', 'names', 'spell', 'who', 'ask', 'speaking', 'party', 'surname']);
const USERNAME_WORDS = new Set(['user', 'username', 'usernames', 'handle', 'login', 'log', 'id', 'screen', 'gamertag', 'gamer']);
const memo = new Map<string, number>();
const MEMO_LIMIT = 200_000;

/** Flags of a lower-case word (memoised). */
export function wordFlags(lower: string): number {
  let flags = memo.get(lower);
  if (flags !== undefined) return flags;
  flags = compute(lower);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(lower, flags);
  return flags;
}

function compute(lower: string): number {
  let flags = 0;
  let word = lower;
  if (PERSONAL_TITLES.has(lower)) flags |= F.PERSONAL_TITLE;
  if (word.length > 2 && (word.endsWith("'s") || word.endsWith('’s'))) {
    flags |= F.POSSESSIVE;
    word = word.slice(0, -2);
  }
  if (isNumberWord(word)) flags |= F.NUMBER_WORD;
  if (/\d/.test(word)) flags |= F.HAS_DIGIT;
  if (isDigitWord(word)) return flags | F.DIGITS;
  if (SPELLED.test(word)) flags |= F.SPELLED;
  if (FUNCTION_WORDS.has(word)) flags |= F.FUNCTION;
  if (NAME_QUESTION_WORDS.has(word)) flags |= F.NAME_QUESTION_WORD;
  if (USERNAME_WORDS.has(word)) flags |= F.USERNAME_WORD;
  if (FILLER_WORDS.has(word)) flags |= F.FILLER;
  if (UNIT_WORDS.has(word)) flags |= F.UNIT;
  if (ORG_WORDS.has(word)) flags |= F.ORG;
  if (CALENDAR_WORDS.has(word)) flags |= F.CALENDAR;
  const lex = lexicons();
  if (lex.streetSuffixes.has(word)) flags |= F.STREET_SUFFIX;
  if (lex.properNouns.has(word)) flags |= F.PROPER;
  if (lex.cities.has(word) || lex.regions.has(word) || lex.countries.has(word)) flags |= F.PLACE;
  if (NAME_SHAPE.test(word)) flags |= word.length === 1 ? F.NAME_SHAPE | F.LETTER : F.NAME_SHAPE;
  if (lex.names.has(word)) {
    flags |= F.NAME;
    if (lex.common.has(word) || flags & F.CALENDAR) flags |= F.AMBIGUOUS;
    // "Ivory"/"ivory", "Marks"/"marks": a word too, so a name only in context or capitalised.
    else if (lex.vocabulary.has(word) || isEnglishWord(word)) flags |= F.VOCAB_NAME;
  } else if (isEnglishWord(word)) flags |= F.ENGLISH;
  return flags;
}

/** The word without a possessive 's. */
export function bareLower(lower: string, flags: number): string {
  return flags & F.POSSESSIVE ? lower.slice(0, -2) : lower;
}
