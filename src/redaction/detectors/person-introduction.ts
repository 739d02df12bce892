/**
 * An agent introducing themselves at the start of a call or chat: "my name's Siobhán, how can I
 * help", "i'm eamon", "pita here at Compass", "Eamon from Summit Telecom here", "it's Shauna on the
 * line", "you're now chatting with pita". The frame says a name follows, so the name needs no
 * lexicon entry and may be an everyday word ("my name's hope how can i help"): LABELS.md rule 1/3.
 * Only a word the frame closes (a pause, the end of the turn, or "how"/"and"/"here"... after it)
 * is taken, so "my name is on the account" and "i'm good" stay visible.
 */
import { turnWords, type Word } from '../lexicon/turn-words.js';
import { F } from '../lexicon/word-flags.js';
import type { TurnView } from '../types.js';
import type { Found } from './person-memory.js';
import { followedByOrg } from './person-names.js';

/** Introductions happen in the opening turns. */
const OPENING_TURNS = 3;
const NEVER = F.FUNCTION | F.FILLER | F.DIGITS | F.NUMBER_WORD | F.LETTER | F.ORG;
/** Words that close an introduced name: "... hope how can i help", "... pita and i'll be helping". */
const CLOSERS = new Set(['how', 'and', 'here', 'speaking', 'from', 'on', "i'll", 'ill', 'what', 'who', 'at', 'with', 'today', 'thanks', 'please']);
/** What an agent says right after their name: "... pita and i'll be helping", "... hope how can i help". */
const INTRO_GOES_ON = new Set(['how', 'and', "i'll", 'ill', 'here', 'speaking', 'from']);
/** "i'm fine": how someone is, also surnames in the lexicon. */
const STATES = new Set(['fine', 'good', 'great', 'well', 'okay', 'ok', 'alright', 'sorry', 'here', 'ready', 'back', 'done', 'sure', 'glad', 'happy', 'sick', 'busy', 'new', 'young', 'free', 'late', 'early', 'grand', 'lost', 'stuck', 'confused', 'calling', 'waiting']);
const GREETING_BEFORE = new Set(['morning', 'afternoon', 'evening', 'hi', 'hello', 'hey', 'there', 'day']);

/** Names introduced in turn `position` (one of the first few), as PERSON spans. */
export function introducedNames(position: number, turn: TurnView): Found[] {
  if (position >= OPENING_TURNS) return [];
  const words = turnWords(turn);
  const out: Found[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as Word;
    if (w.flags & NEVER || !(w.flags & F.NAME_SHAPE) || w.flags & F.POSSESSIVE) continue;
    const frame = frameAt(words, i);
    if (frame === undefined) continue;
    const next = words[i + 1];
    const closed = next === undefined || next.pause || CLOSERS.has(next.lower);
    if (!closed) continue;
    // An everyday word is a name only in "my name is X how/and/..." ("my name is wrong on the bill" is
    // not one) or typed as a name ("I'm Pita."); "i'm fine" / "i'm good" are not.
    const english = (w.flags & F.ENGLISH) !== 0 && !(w.flags & F.NAME) && !(w.cap && !w.sentence);
    if (frame === 'im' && STATES.has(w.lower)) continue;
    // "i'm yaw what can i do for you", "this is jun speaking": the agent's greeting frames any word.
    const greeting = frame === 'this-is' || (frame === 'im' && offersHelp(words, i + 1));
    if (english && !greeting && (frame === 'im' || (frame === 'name' && !(mine(words, i) && (next === undefined || next.pause || INTRO_GOES_ON.has(next.lower)))))) continue;
    out.push({ start: w.start, end: w.end, pattern: 'self-introduction', score: 0.85 });
  }
  return out;
}

/** "my name is X" / "my name's X": the speaker's own name. */
function mine(words: readonly Word[], i: number): boolean {
  return words[i - 2]?.lower === 'my' || (words[i - 3]?.lower === 'my' && words[i - 2]?.lower === 'name');
}

type Frame = 'name' | 'im' | 'here' | 'line' | 'chatting' | 'this-is';

/** "what can i do for you", "how may i help": the agent's offer of help right after their name. */
function offersHelp(words: readonly Word[], k: number): boolean {
  const a = words[k]?.lower;
  const b = words[k + 1]?.lower;
  const c = words[k + 2]?.lower;
  return (a === 'what' || a === 'how') && (b === 'can' || b === 'may' || b === 'could') && (c === 'i' || c === 'we');
}

function frameAt(words: readonly Word[], i: number): Frame | undefined {
  const p1 = words[i - 1]?.lower;
  const p2 = words[i - 2]?.lower;
  const n1 = words[i + 1];
  if (p1 === "name's" || p1 === 'name’s' || p1 === 'names' || (p1 === 'is' && p2 === 'name')) return 'name';
  if ((p1 === "i'm" || p1 === 'im') && (words[i + 1] === undefined || (words[i + 1] as Word).pause || offersHelp(words, i + 1))) return 'im';
  // "summerhill lodge this is jun speaking how may i help".
  if (p1 === 'is' && p2 === 'this' && n1 !== undefined && (n1.lower === 'speaking' || offersHelp(words, i + 1))) return 'this-is';
  if ((p1 === "it's" || p1 === 'its') && n1?.lower === 'on' && words[i + 2]?.lower === 'the' && words[i + 3]?.lower === 'line') return 'line';
  if (p1 === 'with' && p2 === 'chatting') return 'chatting';
  // "pita here at ...", "good evening eamon here who am i speaking with", "Eamon from Summit Telecom here."
  const opens = i === 0 || (words[i] as Word).sentence || GREETING_BEFORE.has(p1 ?? '');
  if (opens && n1 !== undefined && !n1.pause && n1.lower === 'here') return 'here';
  if (opens && n1 !== undefined && n1.lower === 'from' && words.slice(i + 2, i + 9).some((v) => v.lower === 'here')) return 'here';
  return undefined;
}

const GREETINGS = new Set(['hi', 'hey', 'hello', 'thanks', 'thank', 'cheers', 'bye']);

/** One-word names found in the opening turns, lower-cased (for "Hi Pita" later; memory skips everyday words). */
export function introducedSet(turns: readonly TurnView[], found: readonly (readonly Found[])[]): Set<string> {
  const names = new Set<string>();
  found.forEach((list, p) => {
    if (p >= OPENING_TURNS) return;
    for (const f of list) {
      const name = (turns[p] as TurnView).lower.slice(f.start, f.end);
      if (/^[\p{L}\p{M}'’-]+$/u.test(name)) names.add(name);
    }
  });
  return names;
}

/** "Hi Pita, ...", "thanks pita": the introduced name greeted in a later turn, not yet covered. */
export function greetedLater(turn: TurnView, list: readonly Found[], names: ReadonlySet<string>): Found[] {
  const out: Found[] = [];
  // indexOf per name first (one or two names a call): most turns never say one, and skip the word scan.
  for (const name of names) {
    if (!turn.lower.includes(name)) continue;
    const words = turnWords(turn);
    for (let i = 1; i < words.length; i++) {
      const w = words[i] as Word;
      if (w.lower !== name || !GREETINGS.has((words[i - 1] as Word).lower) || list.some((f) => w.start < f.end && f.start < w.end)) continue;
      if (followedByOrg(words, i + 1, turn.text)) continue; // "hi, hope harbor foundation here"
      out.push({ start: w.start, end: w.end, pattern: 'name-memory', score: 0.75 });
    }
  }
  return out;
}
