import type { Candidate, ConversationView, Detector, TurnView } from '../types.js';

/** A detector that threw: the turns it could not check, to be redacted in full (fail closed). */
export interface DetectorFailure {
  detector: Detector;
  turns: number[];
}

/**
 * Runs each detector over the conversation. CONVENTIONS 9, fail closed: when a detector throws, it
 * is run again turn by turn, and every turn on which it still throws is reported as a failure (the
 * engine then redacts that whole turn) instead of silently passing the text through.
 */
export function runDetectors(
  conv: ConversationView,
  detectors: readonly Detector[],
): { candidates: Array<{ detector: Detector; candidate: Candidate }>; failures: DetectorFailure[] } {
  const candidates: Array<{ detector: Detector; candidate: Candidate }> = [];
  const failures: DetectorFailure[] = [];
  for (const detector of detectors) {
    try {
      for (const candidate of detector.detect(conv)) candidates.push({ detector, candidate });
    } catch {
      const failedTurns: number[] = [];
      for (const turn of conv.turns) {
        try {
          for (const candidate of detector.detect(singleTurn(turn))) candidates.push({ detector, candidate });
        } catch {
          failedTurns.push(turn.index);
        }
      }
      if (failedTurns.length > 0) failures.push({ detector, turns: failedTurns });
    }
  }
  return { candidates, failures };
}

/** A view holding only this turn (keeping its index), to isolate the turn a detector fails on. */
function singleTurn(turn: TurnView): ConversationView {
  return { turns: [turn] };
}
