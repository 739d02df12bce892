import { continuation, type DictatedPiece } from '../analysis/dictation.js';
import { digitRuns, type DigitRun } from '../analysis/digit-runs.js';
import { isAbout, isNegative, numberContext } from '../analysis/subject.js';
import type { Candidate, ConversationView, Detector, TurnView } from '../types.js';
import { luhnValid, plausiblePan } from '../validators/luhn.js';
import { candidate } from './candidate.js';

/**
 * Payment card numbers (PAN, PCI DSS scope). A 13-19 digit run passing Luhn with an issuer prefix is
 * a card anywhere (except when named as an order or tracking number, or a SIM's ICCID). In a
 * payment context ("what's the card number?") the rule is fail closed: a run failing Luhn is still
 * redacted (a misheard digit must not leak the other fifteen), and so are pieces: "card ending in
 * 4821", and a number dictated over several turns with the agent's "okay" / "next set?" in between,
 * reported as ONE entity (shared entityId, one span per turn, the agent's turns untouched).
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
        if (len < 2 || afterPlus(turn, run)) continue;
        const ctx = numberContext(conv, turn.index, run.start, run.end);
        const about = isAbout(ctx, 'card');
        if (len >= 13 && len <= 19) {
          const valid = luhnValid(run.digits) && plausiblePan(run.digits);
          if (valid) {
            // A Luhn-valid PAN is hidden only by an identifier named right before it ("order number").
            if (!about && (ctx.near === 'negative' || (ctx.near === undefined && isNegative(ctx)) || ctx.amountLike)) continue;
            out.push(candidate('CREDIT_CARD', turn.index, run.start, run.end, 'pan-luhn', 0.85, { validated: true, contextBoost: about ? 0.15 : 0 }));
            continue;
          }
          if (!about || isNegative(ctx) || isIccid(conv, turn, run)) continue;
        } else if (!about || isNegative(ctx) || (len > 19 && isIccid(conv, turn, run))) {
          continue;
        }
        if (len > 19) {
          out.push(candidate('CREDIT_CARD', turn.index, run.start, run.end, 'long-run-in-payment-context', 0.6, { validated: false, notes: ['fail-closed'] }));
          continue;
        }
        // "ending in 4821", "last four 4821": a part said on purpose, not the start of a dictation.
        const before = turn.lower.slice(Math.max(0, run.start - 30), run.start);
        const pieces = PART_BEFORE.test(before) ? [{ turn: turn.index, run }] : gatherDictation(conv, k, run);
        if (pieces.length > 1) {
          const digits = pieces.filter((p) => p.echo !== true).map((p) => p.run.digits).join('');
          if (digits.length >= 18 && digits.length <= 20 && digits.startsWith('89') && simContext(conv, turn)) {
            // A SIM's ICCID read out in chunks: none of the chunks is a card number.
            for (const p of pieces) grouped.add(p.run);
            continue;
          }
          const valid = digits.length >= 13 && luhnValid(digits) && plausiblePan(digits);
          const entityId = `card-${turn.index}-${run.start}`;
          for (const p of pieces) {
            grouped.add(p.run);
            out.push(
              candidate('CREDIT_CARD', p.turn, p.run.start, p.run.end, 'pan-split-across-turns', valid ? 0.9 : 0.8, {
                validated: valid,
                entityId,
                notes: p.echo === true ? ['split-across-turns', 'echo'] : ['split-across-turns'],
              }),
            );
          }
          continue;
        }
        if (len >= 13) {
          out.push(candidate('CREDIT_CARD', turn.index, run.start, run.end, 'pan-in-payment-context', 0.7, { validated: false, notes: ['checksum-failed-fail-closed'] }));
          continue;
        }
        if (len < 4) continue;
        // A lone part is a card number only when said as one: "ending in 4821", right after "card number
        // is", or as the answer to the question; not "I've had the card since 2015".
        // "When does the card expire?" asks for the expiry, not for a part of the number.
        const answered = ctx.near === undefined && ctx.asked.has('card') && !ctx.asked.has('expiry') && !ctx.asked.has('cvv');
        if (!answered && !PART_BEFORE.test(before) && !CARD_RIGHT_BEFORE.test(before)) continue;
        out.push(candidate('CREDIT_CARD', turn.index, run.start, run.end, 'partial-pan-in-context', 0.75, { notes: ['partial'] }));
      }
    }
    return out;
  },
};

const CARD_RIGHT_BEFORE = /(?:card|visa|master ?card|amex|discover|cc|pan|digits)(?: number| no\.?)?(?: is| was| are|:|#| #)?\s*(?:it's |its |um |uh )?$/;
const PART_BEFORE = /(?:ending(?: in| with)?|ends (?:in|with)|last (?:four|4)(?: digits)?(?: (?:is|are))?)\W*$/;
const SIM_WORDS = /\bsim\b|iccid|sim card/;

/** "+4413..." is a phone number with its country code, never a card. */
function afterPlus(turn: TurnView, run: DigitRun): boolean {
  return run.nStart > 0 && turn.normalized.text.charCodeAt(run.nStart - 1) === 43;
}

/**
 * A SIM card's ICCID (ITU-T E.118): 18-20 digits starting 89 (major industry identifier 8,
 * telecom), read out when a SIM is swapped. Not a payment card when a SIM is being talked about.
 */
function isIccid(conv: ConversationView, turn: TurnView, run: DigitRun): boolean {
  if (run.digits.length < 18 || run.digits.length > 20 || !run.digits.startsWith('89')) return false;
  return simContext(conv, turn);
}

/** Is a SIM talked about in this turn or the three before it? */
function simContext(conv: ConversationView, turn: TurnView): boolean {
  if (SIM_WORDS.test(turn.lower)) return true;
  for (let i = turn.index - 1; i >= 0 && i >= turn.index - 3; i--) if (SIM_WORDS.test(conv.turns[i]?.lower ?? '')) return true;
  return false;
}

/**
 * The first chunk, later chunks of the same turn, then the chunks of the following turns. The
 * longest prefix forming a Luhn-valid PAN is kept; with none, every chunk (fail closed).
 */
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
  const all = pieces.concat(continuation(conv, k, 19 - total, namedAsCard, 'card'));
  let digits = '';
  let best = -1;
  for (let i = 0; i < all.length; i++) {
    const p = all[i] as DictatedPiece;
    if (p.echo === true) continue;
    digits += p.run.digits;
    if (digits.length >= 13 && luhnValid(digits) && plausiblePan(digits)) best = i;
  }
  return best >= 0 ? all.slice(0, best + 1) : all;
}
