import type { ConversationView, TurnView } from '../types.js';

/** How far back in the same turn context words count (characters). Presidio uses a few words; speech rambles more. */
export const CONTEXT_WINDOW = 80;

/**
 * The previous turn of the other party: for a customer's answer, the agent's question ("what's the
 * card number?"). Interjection-only turns ("okay", "mm-hmm") are skipped so the question still
 * counts after them; the search stops after a few turns.
 */
export function previousOtherTurn(conv: ConversationView, turnIndex: number): TurnView | undefined {
  const own = conv.turns[turnIndex];
  if (own === undefined) return undefined;
  for (let i = turnIndex - 1; i >= 0 && i >= turnIndex - 10; i--) {
    const t = conv.turns[i] as TurnView;
    if (own.speaker !== undefined && t.speaker === own.speaker) continue;
    if (isInterjection(t.lower)) continue;
    return t;
  }
  return undefined;
}

const INTERJECTION = /^\s*(?:(?:ok(?:ay)?|mm+[- ]?hmm+|uh[- ]?huh|yes|yeah|yep|sure|right|got it|got that|i got that|i have that|noted|understood|go ahead|great|perfect|alright|all right|and|go on|thank you|thanks|continue|keep going|next|uh|um|hmm+|mhm|take your time|no rush|no problem|no worries|sure thing|of course|whenever you(?:'re| are) ready|i(?:'m| am) ready|ready|i(?:'ll| will) wait|i(?:'m| am) here|still here|i(?:'m| am) listening|(?:i'm )?ready when you are)[\s,.!?-]*)+$/;

/** "okay", "mm-hmm", "go ahead": the agent acknowledging a chunk of a dictated number. */
export function isInterjection(lower: string): boolean {
  return lower.length < 60 && INTERJECTION.test(lower);
}

/** Is `words` found in the turn just before `start` (within the window) or in the other party's last turn? */
export function hasContext(conv: ConversationView, turnIndex: number, start: number, words: RegExp, window = CONTEXT_WINDOW): boolean {
  const turn = conv.turns[turnIndex];
  if (turn === undefined) return false;
  const from = Math.max(0, start - window);
  if (words.test(turn.lower.slice(from, start))) return true;
  const prev = previousOtherTurn(conv, turnIndex);
  return prev !== undefined && words.test(prev.lower);
}

/** Context only from the same turn, before `start`. */
export function hasContextBefore(turn: TurnView, start: number, words: RegExp, window = CONTEXT_WINDOW): boolean {
  return words.test(turn.lower.slice(Math.max(0, start - window), start));
}

/** Context only from the same turn, after `end`. */
export function hasContextAfter(turn: TurnView, end: number, words: RegExp, window = 40): boolean {
  return words.test(turn.lower.slice(end, end + window));
}
