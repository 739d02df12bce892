/**
 * The caller's name in the agent's sign-off: "have a great day joy", "take care may", "thanks for
 * contacting forkrun wu have a good one", "Thanks for contacting Ledgerly Exchange, June." The frame
 * is a closing formula and the name ends the turn (or comes before "have a good one"), so even an
 * everyday word there is a name (LABELS.md rule 3).
 */
import { turnWords, type Word } from '../lexicon/turn-words.js';
import { F } from '../lexicon/word-flags.js';
import type { TurnView } from '../types.js';
import type { Found } from './person-memory.js';
import { TITLES } from './person-context.js';

/** Closing formulas, as word sequences, after which a name may close the turn. */
const CLOSINGS: ReadonlyArray<readonly string[]> = [
  ['have', 'a', 'great', 'day'],
  ['have', 'a', 'good', 'day'],
  ['have', 'a', 'nice', 'day'],
  ['have', 'a', 'lovely', 'day'],
  ['have', 'a', 'great', 'one'],
  ['have', 'a', 'good', 'one'],
  ['have', 'a', 'good', 'evening'],
  ['have', 'a', 'great', 'evening'],
  ['have', 'a', 'good', 'weekend'],
  ['have', 'a', 'great', 'weekend'],
  ['take', 'care'],
  ['bye', 'now'],
  ['goodbye'],
];
/** Words that close a sign-off but name no one. */
const NOT_NAMES = new Set(['ahead', 'goodbye', 'everybody', 'now', 'too', 'then', 'again', 'everyone', 'all', 'sir', 'madam', "ma'am", 'maam', 'mate', 'guys', 'folks', 'friend', 'love', 'dear', 'yourself', 'ok', 'okay', 'bye', 'thanks', 'there', 'today', 'tonight', 'and', 'yes', 'yeah', 'cheers', 'buddy', 'hun', 'pal']);
const NEVER = F.FUNCTION | F.FILLER | F.DIGITS | F.NUMBER_WORD | F.ORG;
/** "... forkrun wu have a good one": what follows a name put before the closing. */
const BEFORE_CLOSING = new Set(['have', 'take', 'bye', 'goodbye']);

/** Names closing a sign-off in this turn. `brands` are the words of the company's name in this call. */
export function signOffNames(turn: TurnView, brands: ReadonlySet<string>): Found[] {
  const words = turnWords(turn);
  const out: Found[] = [];
  if (!/care|day|one|evening|weekend|bye|contacting|calling/.test(turn.lower)) return out;
  for (let i = 0; i < words.length; i++) {
    const closing = CLOSINGS.find((c) => c.every((x, k) => words[i + k]?.lower === x && (k === 0 || !(words[i + k] as Word).pause)));
    const after = closing ? i + closing.length : brandEnd(words, i, brands);
    if (after < 0) continue;
    let name = nameAt(words, after, closing !== undefined);
    // "Thanks for contacting Ledgerly Exchange, June.": the brand may go on past the words known as it, up to a comma.
    for (let k = after + 1; !name && !closing && k <= after + 3 && k < words.length; k++) if ((words[k] as Word).pause) name = nameAt(words, k, false);
    if (name) out.push(name);
  }
  return out;
}

/** "thanks for contacting forkrun": the index after the brand's words, or -1. */
function brandEnd(words: readonly Word[], i: number, brands: ReadonlySet<string>): number {
  const w = words[i]?.lower;
  if (!(w === 'contacting' || w === 'calling' || w === 'choosing') || words[i - 1]?.lower !== 'for' || brands.size === 0) return -1;
  let k = i + 1;
  while (k < words.length && brands.has((words[k] as Word).lower) && (k === i + 1 || !(words[k] as Word).pause)) k++;
  return k > i + 1 ? k : -1;
}

/**
 * One or two name words at `k` that end the turn or the sentence. After the brand, either set off
 * by a comma ("Ledgerly Exchange, June.") or, run on in speech, a name the lexicons know (or no
 * English word) right before "have a good one" ("summerhill lodge omar have a good one"): the
 * brand's own last word ("lumen accounts have a great day") is neither. A title stays with the
 * detector that reads titles ("Take care, Ms. Wu").
 */
function nameAt(words: readonly Word[], k: number, afterClosing: boolean): Found | undefined {
  const first = words[k];
  if (!first || first.sentence || TITLES.has(first.lower)) return undefined;
  for (let n = 1; n <= 2; n++) {
    const run = words.slice(k, k + n);
    if (run.length < n || run.some((w, j) => w.flags & NEVER || !(w.flags & F.NAME_SHAPE) || NOT_NAMES.has(w.lower) || (j > 0 && w.pause))) return undefined;
    const next = words[k + n];
    const closes = next === undefined || next.sentence || (next.pause && !BEFORE_CLOSING.has(next.lower));
    const ends = afterClosing
      ? closes
      : first.pause
        ? closes
        : next !== undefined && !next.pause && BEFORE_CLOSING.has(next.lower) && run.every((w) => w.flags & F.NAME || !(w.flags & (F.ENGLISH | F.VOCAB_NAME)));
    if (ends) return { start: first.start, end: (run[n - 1] as Word).end, pattern: 'sign-off', score: 0.75 };
  }
  return undefined;
}
