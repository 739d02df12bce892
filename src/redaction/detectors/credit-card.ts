import { continuation, type DictatedPiece } from '../analysis/dictation.js';
import { digitRuns, type DigitRun } from '../analysis/digit-runs.js';
import { isAbout, isNegative, numberContext } from '../analysis/subject.js';
import type { Candidate, ConversationView, Detector, TurnView } from '../types.js';
import { luhnValid, plausiblePan } from '../validators/luhn.js';
import { candidate } from './candidate.js';

/**
 * Payment card numbers (PAN, PCI DSS scope). A 13-19 digit run passing Luhn with an issuer prefix is
 * a card anywhere (except when named as an order or tracking number). In a payment context
 * ("what's the card number?") the rule is fail closed: a run failing Luhn is still redacted (a
 * misheard digit must not leak the other fifteen), and so are pieces: "card ending in 4821", and a
 * number dictated over several turns with the agent's "okay" in between, reported as ONE entity
 * (shared entityId, one span per turn, interjection turns untouched).
 */
export const creditCardDetector: Detector = {
  name: 'credit-card',
  types: ['CREDIT_CARD'],
  detect(conv: ConversationView): Candidate[] {
    const out: Candidate[] = [];
    const grouped = new Set<DigitRun>();
    const turns = conv.turns;
    for (let k = 0; k < turns.length; k++) {
      const turn = turns[k] as TurnView;
      for (const run of digitRuns(turn)) {
        if (grouped.has(run)) continue;
        const len = run.digits.length;
        const ctx = numberContext(conv, turn.index, run.start, run.end);
        const about = isAbout(ctx, 'card');
        if (len >= 13 && len <= 19) {
          const valid = luhnValid(run.digits) && plausiblePan(run.digits);
          // A Luhn-valid PAN is hidden only by an identifier named right before it ("order number").
          if (!about && (valid ? ctx.near === 'negative' || (ctx.near === undefined && isNegative(ctx)) || ctx.amountLike : isNegative(ctx))) continue;
          if (valid) out.push(candidate('CREDIT_CARD', turn.index, run.start, run.end, 'pan-luhn', 0.85, { validated: true, contextBoost: about ? 0.15 : 0 }));
          else if (about) out.push(candidate('CREDIT_CARD', turn.index, run.start, run.end, 'pan-in-payment-context', 0.7, { validated: false, notes: ['checksum-failed-fail-closed'] }));
          continue;
        }
        if (!about || isNegative(ctx)) continue;
        if (len > 19) {
          out.push(candidate('CREDIT_CARD', turn.index, run.start, run.end, 'long-run-in-payment-context', 0.6, { validated: false, notes: ['fail-closed'] }));
          continue;
        }
        if (len < 4) continue;
        // "ending in 4821", "last four 4821": a part said on purpose, not the start of a dictation.
        const pieces = PART_BEFORE.test(turn.lower.slice(Math.max(0, run.start - 24), run.start)) ? [{ turn: turn.index, run }] : gatherDictation(conv, k, run);
        const total = pieces.reduce((n, p) => n + p.run.digits.length, 0);
        if (pieces.length > 1) {
          const entityId = `card-${turn.index}-${run.start}`;
          const valid = total >= 13 && total <= 19 && luhnValid(pieces.map((p) => p.run.digits).join(''));
          for (const p of pieces) {
            grouped.add(p.run);
            out.push(
              candidate('CREDIT_CARD', p.turn, p.run.start, p.run.end, 'pan-split-across-turns', 0.8, {
                validated: valid,
                entityId,
                notes: ['split-across-turns'],
              }),
            );
          }
          continue;
        }
        // A lone part is a card number only when said as one: "ending in 4821", right after "card number
        // is", or as the answer to the question; not "I've had the card since 2015".
        const before = turn.lower.slice(Math.max(0, run.start - 30), run.start);
        const answered = ctx.near === undefined && ctx.asked.has('card');
        if (!answered && !PART_BEFORE.test(before) && !CARD_RIGHT_BEFORE.test(before)) continue;
        out.push(candidate('CREDIT_CARD', turn.index, run.start, run.end, 'partial-pan-in-context', 0.75, { notes: ['partial'] }));
      }
    }
    return out;
  },
};

const CARD_RIGHT_BEFORE = /(?:card|visa|master ?card|amex|discover|cc|pan|digits)(?: number| no\.?)?(?: is| was| are|:|#| #)?\s*(?:it's |its |um |uh )?$/;
const PART_BEFORE = /(?:ending(?: in| with)?|ends (?:in|with)|last (?:four|4)(?: digits)?(?: (?:is|are))?)\W*$/;

/** The first chunk, later chunks of the same turn, then the chunks of the following turns. */
function gatherDictation(conv: ConversationView, k: number, first: DigitRun): DictatedPiece[] {
  const turn = conv.turns[k] as TurnView;
  const pieces: DictatedPiece[] = [{ turn: turn.index, run: first }];
  let total = first.digits.length;
  const namedAsCard = (t: TurnView, r: DigitRun): boolean => {
    const near = numberContext(conv, t.index, r.start, r.end).near;
    return near === undefined || near === 'card';
  };
  // Later runs in the same turn belong to the same dictation ("4111 1111 and 1111"), unless named otherwise.
  for (const r of digitRuns(turn)) {
    if (r.start <= first.start) continue;
    if (total + r.digits.length > 19 || !namedAsCard(turn, r)) break;
    pieces.push({ turn: turn.index, run: r });
    total += r.digits.length;
  }
  return pieces.concat(continuation(conv, k, 19 - total, namedAsCard));
}
