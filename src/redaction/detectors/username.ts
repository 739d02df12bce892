/**
 * USERNAME: an account handle, typed ("priyapixel16", "jose.ivanov7") or spoken ("megan underscore
 * murphy", "c h i n e d u dot k i n g seven"), in context only: the other party asked for the
 * username / login / handle, or the speaker says "username is". The value runs from the first word
 * after the lead-in ("it's", "I think it's") to the end of the clause.
 */
import { turnWords, type Word } from '../lexicon/turn-words.js';
import type { Candidate, ConversationView, Detector, TurnView } from '../types.js';
import { F } from '../lexicon/word-flags.js';
import { isEnglishWord } from '../lexicon/index.js';
import { isNumberWord } from '../lexicon/spoken-numbers.js';
import { CHAT_CONTRACTIONS } from '../lexicon/closed-classes.js';
import { askedFor } from './person-context.js';

const USERNAME_CONTEXT = /\b(?:account ?id|user ?names?|usernames?|user ?id|handle|log ?in|login|screen ?name|gamer ?tag)\b/;
/**
 * "username is", "username there is", "handle:", "with the username damoah2" inside the turn: the
 * value follows (an agent reading it back says it too). After "the username" a handle must still
 * look like one, so "the username field" or "the username you gave" find nothing.
 */
const NAMED = /\b(?:(?:user ?name|username|user ?id|handle|login|screen ?name|gamertag)(?:(?:\s+(?:there|here|on (?:file|the account|it)))?\s+(?:is|was)\b:?\s*|\s*:\s*)|(?:the|your) (?:user ?name|username|handle|login)\s+(?!is\b|was\b|there\b|here\b))/g;
const LEAD_INS = new Set(['it', "it's", 'its', 'is', 'i', 'think', 'like', 'guess', 'believe', 'my', 'the', 'username', 'user', 'name', 'yeah', 'yes', 'yep', 'sure', 'um', 'uh', 'so', 'ok', 'okay', 'that', "that's", 'should', 'be', 'oh', 'was', 'hmm', 'well', 'use', 'have', 'got', 'type', 'called']);
/** Spoken separators inside a handle. */
const CONNECTORS = new Set(['underscore', 'dot', 'dash', 'hyphen', 'period']);
/** Words that end a spoken handle: the speaker moved on. */
const STOPS = new Set([...CHAT_CONTRACTIONS, 'your', 'of', 'to', 'in', 'the', 'we', 'you', 'have', 'has', 'was', 'are', 'is', 'that', "that's", 'right', 'correct', 'thanks', 'thank', 'please', 'and', 'but', 'my', 'the', 'for', 'on', 'it', "it's", 'so', 'okay', 'ok', 'yes', 'no', 'email', 'password', 'account', 'i', 'think', 'if', 'or', 'with']);
const HANDLE = /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u;

function valueEnd(words: readonly Word[], i: number): number {
  let k = i;
  while (k < words.length && k - i < 30) {
    const w = words[k] as Word;
    if (k > i && (w.pause || w.sentence)) break;
    // Spelled letters may include "i" and "a"; any other stop word ends the handle.
    if (w.lower.length > 1 && STOPS.has(w.lower)) break;
    if (!HANDLE.test(w.text) || w.lower.includes('@')) break;
    k++;
  }
  return k;
}

function mentionsHandle(turn: TurnView | undefined): boolean {
  return turn !== undefined && (turnWords(turn).mask & F.USERNAME_WORD) !== 0;
}

/** A handle has a digit, a separator, spelled letters or a word that is not English. */
function looksLikeHandle(value: readonly Word[]): boolean {
  const letters = value.filter((w) => w.lower.length === 1).length;
  // A handle is said in a few words; a sentence of everyday words is not one.
  const everyday = value.filter((w) => w.lower.length > 1 && !isNumberWord(w.lower) && !CONNECTORS.has(w.lower) && isEnglishWord(w.lower)).length;
  if (everyday > 2) return false;
  return (
    letters >= 2 ||
    value.some((w) => /[\d._]/.test(w.lower) || isNumberWord(w.lower) || CONNECTORS.has(w.lower) || (w.lower.length > 1 && !isEnglishWord(w.lower)))
  );
}

export const usernameDetector: Detector = {
  name: 'username',
  types: ['USERNAME'],
  detect(conversation: ConversationView): Candidate[] {
    const out: Candidate[] = [];
    conversation.turns.forEach((turn, position) => {
      // Prefilter: neither this turn nor the two before mention a username.
      if (!mentionsHandle(turn) && !mentionsHandle(conversation.turns[position - 1]) && !mentionsHandle(conversation.turns[position - 2])) return;
      NAMED.lastIndex = 0;
      const named = NAMED.test(turn.lower);
      const asked = askedFor(conversation, position, USERNAME_CONTEXT);
      if (!named && !asked) return;
      const words = turnWords(turn);
      const starts: number[] = [];
      if (named) {
        NAMED.lastIndex = 0;
        for (let m = NAMED.exec(turn.lower); m; m = NAMED.exec(turn.lower)) {
          const at = m.index + m[0].length;
          const k = words.findIndex((w) => w.start >= at);
          if (k >= 0 && !(words[k] as Word).sentence) starts.push(k);
        }
      }
      if (asked && starts.length === 0) {
        let k = 0;
        while (k < words.length && k < 8 && LEAD_INS.has((words[k] as Word).lower)) k++;
        // "Usrename is nmaclochlainn": a (mistyped) cue word and "is" before the value.
        if (words[k + 1]?.lower === 'is' && k + 2 < words.length) k += 2;
        if (k < words.length) starts.push(k);
      }
      for (const k of starts) {
        const w = words[k] as Word;
        if (LEAD_INS.has(w.lower) && w.lower.length > 1) continue;
        const end = valueEnd(words, k);
        if (end === k || !looksLikeHandle(words.slice(k, end))) continue;
        out.push({
          type: 'USERNAME',
          turn: turn.index,
          start: w.start,
          end: (words[end - 1] as Word).end,
          pattern: named ? 'named-username' : 'asked-username',
          baseScore: 0.8,
          contextBoost: 0,
          notes: end - k > 1 ? ['spoken-handle'] : [],
        });
      }
    });
    return out.length > 0 ? [...out, ...laterMentions(conversation, out)] : out;
  },
};

/** A handle of at least this many characters is distinctive enough to find again on its own. */
const MIN_REMEMBERED_LENGTH = 5;

/**
 * A handle found once is found again wherever the call says it ("Yes, I see kovalenkod64"): the
 * same characters, as whole words, in any turn, once they were given in context.
 */
function laterMentions(conversation: ConversationView, found: readonly Candidate[]): Candidate[] {
  const values = new Set<string>();
  for (const c of found) {
    const turn = conversation.turns.find((t) => t.index === c.turn);
    const value = turn?.lower.slice(c.start, c.end);
    if (value !== undefined && value.length >= MIN_REMEMBERED_LENGTH) values.add(value);
  }
  const out: Candidate[] = [];
  for (const turn of conversation.turns) {
    for (const value of values) {
      for (let at = turn.lower.indexOf(value); at >= 0; at = turn.lower.indexOf(value, at + value.length)) {
        const end = at + value.length;
        if (isWordChar(turn.lower, at - 1) || isWordChar(turn.lower, end)) continue;
        if (found.some((c) => c.turn === turn.index && c.start < end && at < c.end)) continue;
        out.push({ type: 'USERNAME', turn: turn.index, start: at, end, pattern: 'username-memory', baseScore: 0.8, contextBoost: 0, notes: ['username-memory'] });
      }
    }
  }
  return out;
}

function isWordChar(text: string, i: number): boolean {
  return i >= 0 && i < text.length && /[\p{L}\p{N}_]/u.test(text[i] as string);
}
