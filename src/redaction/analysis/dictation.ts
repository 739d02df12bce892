import type { ConversationView, TurnView } from '../types.js';
import { isInterjection } from './context.js';
import { digitRuns, type DigitRun } from './digit-runs.js';

/** A chunk of a value dictated over several turns. */
export interface DictatedPiece {
  turn: number;
  run: DigitRun;
}

/**
 * The chunks that continue a dictation started in conversation position `k` (an index into
 * conv.turns): the same speaker's next turns holding digits, while the other party only
 * acknowledges ("okay", "mm-hmm", "go ahead", "got it"). Stops at a real question, a turn without
 * digits, or when `maxDigits` more digits were collected. `accept` may refuse a chunk (e.g. one
 * named as something else), which ends the dictation.
 */
export function continuation(
  conv: ConversationView,
  k: number,
  maxDigits: number,
  accept: (turn: TurnView, run: DigitRun) => boolean = () => true,
): DictatedPiece[] {
  const turns = conv.turns;
  const speaker = (turns[k] as TurnView).speaker;
  const pieces: DictatedPiece[] = [];
  let total = 0;
  for (let j = k + 1; j < turns.length && total < maxDigits; j++) {
    const t = turns[j] as TurnView;
    if (t.speaker !== speaker) {
      if (isInterjection(t.lower)) continue;
      break;
    }
    const runs = digitRuns(t);
    if (runs.length === 0) break;
    let added = false;
    for (const r of runs) {
      if (total + r.digits.length > maxDigits || !accept(t, r)) break;
      pieces.push({ turn: t.index, run: r });
      total += r.digits.length;
      added = true;
    }
    if (!added) break;
  }
  return pieces;
}
