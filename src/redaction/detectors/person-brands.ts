/**
 * Brand memory: the company a call is for is named where no person can stand ("thanks for
 * contacting novanet", "you've reached banque sainte claire", "welcome to franklin and young tax
 * services"). Those words are the brand all through the call, so "hello novanet broadband support"
 * and "hello franklin and young tax services" do not read them as people either.
 */
import { turnWords, type Word } from '../lexicon/turn-words.js';
import { F } from '../lexicon/word-flags.js';
import type { TurnView } from '../types.js';
import type { Found } from './person-memory.js';

/** Phrases after which a company is named, by their last word. */
const BRAND_CUES: ReadonlyArray<readonly string[]> = [
  ['for', 'calling'],
  ['for', 'contacting'],
  ['for', 'choosing'],
  ["you've", 'reached'],
  ['you', 'have', 'reached'],
  ['youve', 'reached'],
  ['welcome', 'to'],
  ['here', 'at'],
];
const MAX_BRAND_WORDS = 5;

/** Words of the brand names said after a brand cue anywhere in the call. */
export function brandWords(turns: readonly TurnView[]): Set<string> {
  const brands = new Set<string>();
  for (const turn of turns) {
    if (!/calling|contacting|choosing|reached|welcome|here at/.test(turn.lower)) continue;
    const words = turnWords(turn);
    for (let i = 0; i < words.length; i++) {
      if (!BRAND_CUES.some((cue) => cue.every((c, k) => words[i - cue.length + 1 + k]?.lower === c))) continue;
      for (const b of brandAfter(words, i + 1)) brands.add(b);
    }
  }
  return brands;
}

/**
 * The brand named from words[from]: the words up to an organisation word ("summerfield vet clinic",
 * "franklin and young tax services"), or else one word that is no known name and does not end the
 * turn ("you've reached amperly i'm malik"). "thanks for calling saoirse" thanks the caller: a name
 * ending the turn is the person, and in lowercase speech "... lodge oleksandr" goes on into one.
 */
function brandAfter(words: readonly Word[], from: number): string[] {
  const run: string[] = [];
  for (let k = from; k < words.length && k - from < MAX_BRAND_WORDS; k++) {
    const w = words[k] as Word;
    if ((k > from && w.pause) || (w.flags & F.FUNCTION && w.lower !== 'and') || !(w.flags & F.NAME_SHAPE)) break;
    if (w.lower !== 'and') run.push(w.lower);
    if (w.flags & F.ORG) return run;
  }
  const first = words[from];
  const next = words[from + 1];
  return first && next && first.flags & F.NAME_SHAPE && !(first.flags & (F.NAME | F.FUNCTION)) ? [first.lower] : [];
}

/** Evidence a brand word does not outweigh: the soft cues, the lexicon and memory. Strong cues, answers and spellings stay. */
const WEAK_PATTERNS = new Set(['lexicon', 'cue-greeting', 'cue-soft', 'name-memory', 'name-speaking']);

/** The spans of `list` that are not wholly brand words read weakly as a name. */
export function withoutBrands(turn: TurnView, list: readonly Found[], brands: ReadonlySet<string>): Found[] {
  if (brands.size === 0 || list.length === 0) return [...list];
  const words = turnWords(turn);
  return list.filter((f) => {
    if (!WEAK_PATTERNS.has(f.pattern)) return true;
    const inside = words.filter((w) => w.start >= f.start && w.start < f.end);
    return !(inside.length > 0 && inside.every((w) => brands.has(w.lower)));
  });
}
