import type { TurnView } from '../types.js';
import { turnCache } from './turn-cache.js';

/**
 * Digit runs of a turn, found on its normalized text (so "four one one one" counts as "4111"):
 * digits joined by single spaces or dashes ("4111 1111 1111 1111", "223-34-8807"). A run touching
 * a letter ("RMA4375004", "10am", "22nd") is not a run: it is a code, a time or an ordinal.
 */
export interface DigitRun {
  /** The digits only. */
  digits: string;
  /** Lengths of the digit groups as written ("223-34-8807" -> [3, 2, 4]). */
  groups: number[];
  /** Offsets in the normalized text. */
  nStart: number;
  nEnd: number;
  /** Offsets in the original text. */
  start: number;
  end: number;
}

/** Separators inside a run: a space, a dash, or a comma pause ("one two three, four five, ..."). */
const RUN = /(?<![A-Za-z0-9\u00C0-\u024F])\d+(?:(?: - | ?- ?| |, )\d+)*(?![A-Za-z0-9\u00C0-\u024F])/g;
const HAS_DIGIT = /\d/;
const NON_DIGIT = /\D/g;
export function digitRuns(turn: TurnView): readonly DigitRun[] {
  const memo = turnCache(turn);
  const cached = memo.digitRuns as DigitRun[] | undefined;
  if (cached !== undefined) return cached;
  const runs: DigitRun[] = [];
  const view = turn.normalized;
  const text = view.text;
  if (HAS_DIGIT.test(text)) {
    RUN.lastIndex = 0;
    for (let m = RUN.exec(text); m !== null; m = RUN.exec(text)) {
      const raw = m[0];
      // One pass: digits and group lengths (no split/replace allocations on this hot path).
      const groups: number[] = [];
      let digits = '';
      let groupLen = 0;
      for (let i = 0; i < raw.length; i++) {
        const c = raw.charCodeAt(i);
        if (c >= 48 && c <= 57) {
          groupLen += 1;
        } else if (groupLen > 0) {
          groups.push(groupLen);
          groupLen = 0;
        }
      }
      groups.push(groupLen);
      digits = groups.length === 1 ? raw : raw.replace(NON_DIGIT, '');
      const [start, end] = view.toOriginal(m.index, m.index + raw.length);
      runs.push({ digits, groups, nStart: m.index, nEnd: m.index + raw.length, start, end });
    }
  }
  memo.digitRuns = runs;
  return runs;
}

/** Does the turn have a digit or a number word? Cheap prefilter for numeric detectors. */
export function mayHoldNumber(turn: TurnView): boolean {
  return digitRuns(turn).length > 0;
}
