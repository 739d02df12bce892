import { continuation, type DictatedPiece } from '../analysis/dictation.js';
import { digitRuns, type DigitRun } from '../analysis/digit-runs.js';
import { isAbout, isNegative, numberContext, saidAsPart } from '../analysis/subject.js';
import type { Candidate, ConversationView, Detector, TurnView } from '../types.js';
import { ssnValid } from '../validators/ssn.js';
import { candidate } from './candidate.js';

/**
 * US social security numbers. Written AAA-GG-SSSS (the grouping itself is evidence); nine plain
 * digits only where the social is named or asked for; the last four where asked ("last four of
 * your social"). SSA rules invalidate numbers never issued (000/666/9xx area, 00 group, 0000
 * serial) unless the SSN is explicitly asked for: then a misheard digit still gets redacted.
 */
const SSN_RIGHT_BEFORE = /(?:social|ssn|s s n|social security)(?: number| no\.?| #)?(?: is| was|:|#)?\s*(?:it's |its |um |uh )?$/;

export const ssnDetector: Detector = {
  name: 'ssn',
  types: ['SSN'],
  detect(conv: ConversationView): Candidate[] {
    const out: Candidate[] = [];
    const dictated = new Set<DigitRun>();
    for (let k = 0; k < conv.turns.length; k++) {
      const turn = conv.turns[k] as TurnView;
      const runs = digitRuns(turn);
      for (const run of runs) {
        if (dictated.has(run)) continue;
        const len = run.digits.length;
        if (len < 9 && run === runs[runs.length - 1]) {
          // Dictated in chunks ("318" / "okay" / "40" / "and the rest?" / "2257"): nine digits over several turns.
          const pieces = chunks(conv, k, run);
          if (pieces !== undefined) {
            const entityId = `ssn-${turn.index}-${run.start}`;
            for (const p of pieces) {
              dictated.add(p.run);
              out.push(candidate('SSN', p.turn, p.run.start, p.run.end, 'ssn-split-across-turns', 0.6, { contextBoost: 0.3, entityId, notes: ['split-across-turns'] }));
            }
            continue;
          }
        }
        if (len !== 9 && len !== 4) continue;
        const ctx = numberContext(conv, turn.index, run.start, run.end);
        const about = isAbout(ctx, 'ssn');
        if (len === 4) {
          if (about && !ctx.amountLike && saidAsPart(turn, run.start, ctx, 'ssn', SSN_RIGHT_BEFORE)) out.push(candidate('SSN', turn.index, run.start, run.end, 'ssn-last-four', 0.6, { contextBoost: 0.3, notes: ['partial'] }));
          continue;
        }
        const valid = ssnValid(run.digits);
        const shaped = run.groups.length === 3 && run.groups[0] === 3 && run.groups[1] === 2 && run.groups[2] === 4;
        if (about) {
          out.push(candidate('SSN', turn.index, run.start, run.end, shaped ? 'ssn-aaa-gg-ssss' : 'ssn-nine-digits', valid ? 0.7 : 0.6, { validated: valid, contextBoost: 0.3 }));
        } else if (shaped && valid && !isNegative(ctx) && ctx.near === undefined) {
          out.push(candidate('SSN', turn.index, run.start, run.end, 'ssn-aaa-gg-ssss', 0.6, { validated: true }));
        }
      }
    }
    return out;
  },
};

/**
 * The chunks of an SSN said over several turns, starting with `first` (asked for or named as the
 * social): exactly nine digits in all, or undefined.
 */
function chunks(conv: ConversationView, k: number, first: DigitRun): DictatedPiece[] | undefined {
  const turn = conv.turns[k] as TurnView;
  const ctx = numberContext(conv, turn.index, first.start, first.end);
  if (!isAbout(ctx, 'ssn') || ctx.amountLike || first.digits.length > 5) return undefined;
  const rest = continuation(conv, k, 9 - first.digits.length, (t, r) => numberContext(conv, t.index, r.start, r.end).near === undefined, 'ssn');
  let total = first.digits.length;
  for (const p of rest) if (p.echo !== true) total += p.run.digits.length;
  return rest.length > 0 && total === 9 ? [{ turn: turn.index, run: first }, ...rest] : undefined;
}
