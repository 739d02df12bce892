/**
 * Conversation memory for PERSON (issue 3: "a name found once in a call is redacted at every later
 * mention, lowercase or not"): the words of every name found are remembered, then every other
 * mention of them in the conversation is marked. A remembered name that is also an everyday word
 * ("penny", "grant") is marked only where it reads as a name (capitalised, after "thanks", a title
 * or a relation word, next to another remembered name, or with a possessive 's).
 */
import { turnWords, type Word } from '../lexicon/turn-words.js';
import { F } from '../lexicon/word-flags.js';
import type { TurnView } from '../types.js';
import { GREETING_CUES, RELATIONS, SOFT_CUES, TITLES } from './person-context.js';
import { bare, followedByOrg } from './person-names.js';

/** A name span found in a turn, before it becomes a Candidate. */
export interface Found {
  start: number;
  end: number;
  pattern: string;
  score: number;
}

const NEVER_REMEMBERED = F.FUNCTION | F.ENGLISH | F.DIGITS | F.NUMBER_WORD | F.FILLER;

/** The name words of every span found (everyday words accepted only by position are left out). */
export function rememberNames(turns: readonly TurnView[], found: readonly (readonly Found[])[]): Set<string> {
  const memory = new Set<string>();
  turns.forEach((turn, p) => {
    const list = found[p] ?? [];
    if (list.length === 0) return;
    for (const w of turnWords(turn)) {
      if (w.lower.length < 2 || w.flags & NEVER_REMEMBERED || TITLES.has(w.lower)) continue;
      if (list.some((f) => w.start >= f.start && w.start < f.end)) memory.add(bare(w));
    }
  });
  return memory;
}

/** Mentions of remembered names in a turn that `list` does not already cover. */
export function laterMentions(turn: TurnView, list: readonly Found[], memory: ReadonlySet<string>): Found[] {
  const out: Found[] = [];
  const words = turnWords(turn);
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as Word;
    if (w.flags & NEVER_REMEMBERED) continue;
    const lower = bare(w);
    if (!memory.has(lower) || isCovered(list, w.start)) continue;
    const prevLower = words[i - 1]?.lower ?? '';
    const next = words[i + 1];
    const cued =
      GREETING_CUES.has(prevLower) || SOFT_CUES.has(prevLower) || TITLES.has(prevLower) || RELATIONS.has(prevLower) ||
      memory.has(next?.lower ?? '') || (w.flags & F.POSSESSIVE) !== 0;
    if (w.flags & F.AMBIGUOUS && !(w.cap && !w.sentence) && !cued) continue;
    // Not inside a company name ("Prairie Bill Energy Co-op"), not an abbreviation ("EI 762").
    const before = words[i - 1];
    if (before && before.cap && !before.sentence && !(before.flags & F.NAME) && w.cap) continue;
    if (followedByOrg(words, i + 1, turn.text) || (w.lower.length <= 3 && w.text === w.text.toUpperCase())) continue;
    out.push({ start: w.start, end: w.start + lower.length, pattern: 'name-memory', score: 0.75 });
  }
  return out;
}

function isCovered(list: readonly Found[], at: number): boolean {
  for (const f of list) if (at >= f.start && at < f.end) return true;
  return false;
}
