/**
 * Spelled-out names (LABELS.md rule 2): "G-O-N-Z-A-L-E-Z" or "g o n z a l e z" is one PERSON span
 * over the letters, when the agent asked to spell a name or the letters spell a known name. A run
 * that goes on into "dot", "at", "underscore" or digits is an email or a username, not a name.
 */
import { lexicons } from '../lexicon/index.js';
import { F } from '../lexicon/word-flags.js';
import { turnWords, type Word } from '../lexicon/turn-words.js';
import type { ConversationView, TurnView } from '../types.js';
import { askedFor } from './person-context.js';

const SPELL_QUESTION = /\bspell\b/;
const INNER_MARKS = new Set(['apostrophe', 'hyphen', 'dash', 'space']);
const CONTINUES_AS_HANDLE = new Set(['dot', 'at', 'underscore', 'dash', 'hyphen', '@', 'period']);

export interface SpelledName {
  start: number;
  end: number;
  pattern: string;
  score: number;
}

/** The word without a possessive 's. */
const bareLower = (w: Word): string => (w.flags & F.POSSESSIVE ? w.lower.replace(/['’]s$/, '') : w.lower);

const isLetter = (w: Word | undefined): boolean => w !== undefined && (w.flags & F.LETTER) !== 0;

/** Spelled names in one turn (`position` is its place in the conversation). */
export function spelledNames(conversation: ConversationView, position: number, turn: TurnView): SpelledName[] {
  const words = turnWords(turn);
  const out: SpelledName[] = [];
  if (!(words.mask & (F.LETTER | F.SPELLED))) return out;
  let asked: boolean | undefined;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as Word;
    let end = i;
    let letters = '';
    if (w.flags & F.SPELLED) {
      end = i + 1;
      letters = w.lower.replace(/[-.]/g, '');
    } else {
      if (!(w.flags & F.LETTER)) continue;
      // "o apostrophe r e i l l y", "s m i t h hyphen j o n e s": spoken punctuation inside the name.
      while (end < words.length && (end === i || !(words[end] as Word).sentence)) {
        const x = words[end] as Word;
        if (isLetter(x)) letters += x.lower;
        else if (!(INNER_MARKS.has(x.lower) && isLetter(words[end + 1]))) break;
        end++;
      }
      if (end - i < 3) continue;
    }
    if (end === i) continue;
    const next = words[end];
    if (next && !next.pause && (CONTINUES_AS_HANDLE.has(next.lower) || next.flags & (F.NUMBER_WORD | F.DIGITS))) {
      i = end - 1;
      continue;
    }
    asked ??= askedFor(conversation, position, SPELL_QUESTION) || SPELL_QUESTION.test(turn.lower);
    // Known name, or spelling out what was just said ("keanu kahananui k a h a n a n u i").
    const said = words[i - 1]?.lower === letters || words[i - 2]?.lower === letters || (words[i - 2]?.lower ?? '') + (words[i - 1]?.lower ?? '') === letters;
    const known = said || lexicons().names.has(letters);
    if (asked || known) {
      out.push({ start: w.start, end: (words[end - 1] as Word).end, pattern: asked ? 'spelled-on-request' : 'spelled-known-name', score: asked ? 0.85 : 0.75 });
      // "Kirra, price. That's P R I C E.": the word the spelling spells out is the name too, even an everyday word.
      for (let k = Math.max(0, i - 8); k < i; k++) {
        const x = words[k] as Word;
        if (bareLower(x) === letters && letters.length >= 2) out.push({ start: x.start, end: x.start + letters.length, pattern: 'spelled-echo', score: 0.8 });
      }
    }
    i = end - 1;
  }
  return out;
}
