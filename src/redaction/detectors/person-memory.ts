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
import { bare, followedByOrg, koreanGivenPairAt } from './person-names.js';

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
    const words = turnWords(turn);
    const inside = (x: Word): boolean => list.some((f) => x.start >= f.start && x.start < f.end);
    words.forEach((w, i) => {
      // "min jun": a Korean given name is remembered as its pair (each syllable alone is a word).
      if (koreanGivenPairAt(words, i) && inside(w) && inside(words[i + 1] as Word)) memory.add(`${w.lower} ${(words[i + 1] as Word).lower}`);
      if (w.lower.length < 2 || w.flags & NEVER_REMEMBERED || TITLES.has(w.lower)) return;
      if (inside(w)) memory.add(bare(w));
    });
  });
  return memory;
}

/** Mentions of remembered names in a turn that `list` does not already cover. */
export function laterMentions(turn: TurnView, list: readonly Found[], memory: ReadonlySet<string>): Found[] {
  const out: Found[] = [];
  const words = turnWords(turn);
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as Word;
    const next = words[i + 1];
    if (next && koreanGivenPairAt(words, i) && memory.has(`${w.lower} ${next.lower}`) && !isCovered(list, w.start)) {
      out.push({ start: w.start, end: next.start + bare(next).length, pattern: 'name-memory', score: 0.75 });
      i++;
      continue;
    }
    if (w.flags & NEVER_REMEMBERED) continue;
    const lower = bare(w);
    if (!memory.has(lower) || isCovered(list, w.start)) continue;
    const prevLower = words[i - 1]?.lower ?? '';
    const cued =
      GREETING_CUES.has(prevLower) || SOFT_CUES.has(prevLower) || TITLES.has(prevLower) || RELATIONS.has(prevLower) ||
      memory.has(next?.lower ?? '') || (w.flags & F.POSSESSIVE) !== 0 || afterThanks(words, i) || actsAsPerson(words, i);
    if (w.flags & F.AMBIGUOUS && !(w.cap && !w.sentence) && !cued) continue;
    // "How about June 15": a month before a day is a date, whoever is called June.
    if (w.flags & F.CALENDAR && next && !next.pause && /^(?:[0-3]?\d(?:st|nd|rd|th)?)$/.test(next.lower)) continue;
    // Not inside a company name ("Prairie Bill Energy Co-op"), not an abbreviation ("EI 762").
    const before = words[i - 1];
    if (before && before.cap && !before.sentence && !(before.flags & F.NAME) && w.cap && !w.sentence) continue;
    if (followedByOrg(words, i + 1, turn.text) || (w.lower.length <= 3 && w.text === w.text.toUpperCase())) continue;
    out.push({ start: w.start, end: w.start + lower.length, pattern: 'name-memory', score: 0.75 });
  }
  return out;
}

function isCovered(list: readonly Found[], at: number): boolean {
  for (const f of list) if (at >= f.start && at < f.end) return true;
  return false;
}

/** "thanks for your patience grant", "thank you for calling rose": the name closing a thank-you. */
const THANKS_OBJECTS = new Set(['patience', 'time', 'help', 'calling', 'holding', 'waiting', 'understanding', 'call', 'business']);
function afterThanks(words: readonly Word[], i: number): boolean {
  if (!THANKS_OBJECTS.has(words[i - 1]?.lower ?? '')) return false;
  for (let k = i - 2; k >= 0 && k >= i - 5; k--) {
    const l = (words[k] as Word).lower;
    if (l === 'thanks' || l === 'thank') return true;
  }
  return false;
}

/**
 * A remembered name doing what people do: "rose would need to call", "send hunter a join link",
 * "I'll send chance the approval request". Not after an article ("the rose would look nice").
 */
const PERSON_VERBS_AFTER = new Set(['would', 'will', 'text', 'texts', 'can', 'could', 'should', 'must', 'might', 'needs', 'wants', 'said', 'says', 'called']);
const GIVE_VERBS = new Set(['send', 'sent', 'email', 'text', 'give', 'gave', 'tell', 'told', 'ask', 'asked', 'let', 'call', 'remind']);
const OBJECT_STARTS = new Set(['a', 'an', 'the', 'this', 'that', 'your', 'his', 'her', 'their', 'our', 'my', 'know']);
const ADD_VERBS = new Set(['add', 'added', 'adding', 'remove', 'removed', 'removing']);
const ARTICLES = new Set(['a', 'an', 'the', 'this', 'that', 'my', 'your', 'our', 'their', 'his', 'her']);
/** Words after which a clause (and its subject) begins: "I'm afraid rose would ...", "I think grant will ...". */
const CLAUSE_OPENERS = new Set(['afraid', 'think', 'guess', 'hope', 'sure', 'maybe', 'said', 'because', 'but', 'and', 'so', 'if', 'then', 'that', 'when']);
function actsAsPerson(words: readonly Word[], i: number): boolean {
  const w = words[i] as Word;
  const prev = words[i - 1];
  const next = words[i + 1];
  if (!next || next.pause || ARTICLES.has(prev?.lower ?? '')) return false;
  if (GIVE_VERBS.has(prev?.lower ?? '') && OBJECT_STARTS.has(next.lower)) return true;
  // "i'll add rose to the bill".
  if (ADD_VERBS.has(prev?.lower ?? '') && (next.lower === 'to' || next.lower === 'as')) return true;
  // The subject of a modal: at a clause start, not after a modifier ("your first bill will come"); in
  // speech a number ends the clause before it ("... eight oh five hope will text you").
  return PERSON_VERBS_AFTER.has(next.lower) && (prev === undefined || w.pause || CLAUSE_OPENERS.has(prev.lower) || RELATIONS.has(prev.lower) || (prev.flags & (F.DIGITS | F.NUMBER_WORD)) !== 0);
}
