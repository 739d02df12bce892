import type { Candidate, ConversationView, Detector, TurnView } from '../types.js';
import { turnWords, type Word } from '../lexicon/turn-words.js';
import { candidate } from './candidate.js';

/**
 * Email addresses, typed or spoken: the normalized text already reads "john dot smith at gmail dot
 * com" as "john.smith@gmail.com", so one pattern (RFC 5322 dot-atom local part, a dotted domain)
 * finds both and the offset map returns the spoken words.
 */
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?![\p{L}\p{N}])/gu;

/** Half-typed, half-said: "john.smith at gmail.com", or a well-known mailbox provider with no TLD ("jsmith at yahoo"). */
const DOMAIN_AFTER = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|edu|gov|io|co|uk|us|ca|de|fr|es|it|nl|info|biz|me)|gmail|yahoo|hotmail|outlook|aol|icloud|protonmail|live|msn|comcast)(?![\p{L}\p{N}@])/iu;
const LOCAL_BEFORE = /[\p{L}\p{N}][\p{L}\p{N}._%+-]*$/u;
const NOT_LOCAL = /^(?:is|are|were|it's|its|me|email|mail|that|that's|this|be|was|reach|sent|send|address|you|us|them|him|her|found|out|over|from|i|i'm|im|we|they|he|she|work|works|worked|job|account|login|sign|signed|logged|use|using|still|now|here|there|one|up|in|on|off)$/i;

export const emailDetector: Detector = {
  name: 'email',
  types: ['EMAIL'],
  detect(conv: ConversationView): Candidate[] {
    const out: Candidate[] = [];
    for (const turn of conv.turns) {
      const text = turn.normalized.text;
      if (text.includes(' at ')) findSaidAt(turn, out);
      if (turn.lower.includes(' at ')) findSpelled(turn, out);
      if (!text.includes('@')) continue;
      EMAIL.lastIndex = 0;
      for (let m = EMAIL.exec(text); m !== null; m = EMAIL.exec(text)) {
        let value = m[0];
        while (/^[._'-]/.test(value)) value = value.slice(1);
        const offset = m[0].length - value.length;
        const [start, end] = turn.normalized.toOriginal(m.index + offset, m.index + m[0].length);
        const spoken = turn.text.slice(start, end) !== value;
        out.push(candidate('EMAIL', turn.index, start, end, spoken ? 'spoken-email' : 'email', 0.95, { validated: true, notes: spoken ? ['spoken'] : [] }));
      }
    }
    return out;
  },
};

function findSaidAt(turn: TurnView, out: Candidate[]): void {
  const text = turn.normalized.text;
  for (let at = text.indexOf(' at '); at >= 0; at = text.indexOf(' at ', at + 4)) {
    const domain = DOMAIN_AFTER.exec(text.slice(at + 4, at + 68));
    if (domain === null) continue;
    const before = text.slice(Math.max(0, at - 64), at);
    const local = LOCAL_BEFORE.exec(before);
    if (local !== null && /['’]$/.test(before.slice(0, local.index))) continue; // "that's at ...
    // "that's at yahoo" is not an address.
    if (local === null || NOT_LOCAL.test(local[0]) || /^[._%+-]/.test(local[0])) continue;
    const [start, end] = turn.normalized.toOriginal(at - local[0].length, at + 4 + domain[0].length);
    out.push(candidate('EMAIL', turn.index, start, end, 'email-said-at', 0.8, { notes: ['spoken'] }));
  }
}

/** Spoken separators inside a spelled address. */
const SPELLED_MARKS = new Set(['dot', 'underscore', 'dash', 'hyphen', 'period']);

/**
 * An address spelled unit by unit before "at <domain>": "D as in dog, A, W, N, 0, 0, at gmail.com",
 * "T, dot, N as in Nancy, G, U, Y, E, N, at btinternet.com". The units are single letters or
 * digits, spoken marks and "X as in Word"; at least four of them, so "I'm at gmail" is not one.
 */
function findSpelled(turn: TurnView, out: Candidate[]): void {
  const words = turnWords(turn);
  for (let i = 1; i < words.length - 1; i++) {
    if ((words[i] as Word).lower !== 'at') continue;
    const domainStart = (words[i + 1] as Word).start;
    const domain = DOMAIN_AFTER.exec(turn.lower.slice(domainStart, domainStart + 64));
    if (domain === null) continue;
    let domainEnd = domainStart + domain[0].length;
    // "gmail dot com", "yahoo dot co dot uk": the spoken rest of the domain.
    for (let m = SPOKEN_TLD.exec(turn.lower.slice(domainEnd)); m !== null; m = SPOKEN_TLD.exec(turn.lower.slice(domainEnd))) domainEnd += m[0].length;
    let k = i - 1;
    let units = 0;
    let exampled = false;
    for (;;) {
      const w = words[k];
      if (w === undefined) break;
      if (w.lower.length === 1 || SPELLED_MARKS.has(w.lower)) {
        units++;
        k--;
      } else if (words[k - 1]?.lower === 'in' && words[k - 2]?.lower === 'as' && words[k - 3]?.lower.length === 1 && w.lower.startsWith(words[k - 3]?.lower ?? '-')) {
        units++;
        exampled = true;
        k -= 4;
      } else break;
    }
    const first = words[k + 1] as Word;
    if (units < 4 || !(exampled || turn.text.slice(first.start, (words[i] as Word).start).includes(','))) continue;
    out.push(candidate('EMAIL', turn.index, first.start, domainEnd, 'spelled-email', 0.85, { notes: ['spoken'] }));
  }
}
const SPOKEN_TLD = /^ dot [a-z]{2,6}\b/;
