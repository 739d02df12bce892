import { continuation, wordsBesides } from '../analysis/dictation.js';
import { digitRuns, type DigitRun } from '../analysis/digit-runs.js';
import { isAbout, isNegative, mentions, numberContext } from '../analysis/subject.js';
import type { Candidate, ConversationView, Detector } from '../types.js';
import { candidate } from './candidate.js';

/**
 * Card security codes (CVV2/CVC2/CID, PCI DSS 3.3.1: never stored after authorization). Three or
 * four digits look like anything, so a code is only found where it is asked for or named:
 * "the three digits on the back are 285", "CVV, please?" -> "It's 201".
 */
const BARE_CODE = /(?:^|[^a-z])(?:the |that |security )?code(?: is| was|:)?\s*(?:it's |its |um |uh )?$/;
const CARD_WORDS = /card|visa|master|amex|discover|\d{4}[ -]?\d{4}[ -]?\d{4}/;

export const cardCvvDetector: Detector = {
  name: 'card-cvv',
  types: ['CARD_CVV'],
  detect(conv: ConversationView): Candidate[] {
    const out: Candidate[] = [];
    if (!mentions(conv, 'cvv')) return out;
    const taken = new Set<DigitRun>();
    conv.turns.forEach((turn, k) => {
      for (const run of digitRuns(turn)) {
        if (taken.has(run)) continue;
        // "8..." / "Mm-hmm." / "26.": a code said in pieces over the speaker's turns is one code.
        if (run.digits.length < 3) {
          const ctx = numberContext(conv, turn.index, run.start, run.end);
          if (!isAbout(ctx, 'cvv') || ctx.amountLike || digitRuns(turn).length > 1) continue;
          const pieces = [{ turn: turn.index, run }, ...continuation(conv, k, 4 - run.digits.length, undefined, 'cvv')].filter((p) => p.echo !== true);
          const digits = pieces.map((p) => p.run.digits).join('').length;
          // Each piece is (nearly) all its turn says: "it's 8", "26." — not "I have 2 cards, which one?".
          const bare = pieces.every((p) => {
            const t = conv.turns.find((x) => x.index === p.turn);
            return t !== undefined && wordsBesides(t, p.run) <= 2;
          });
          if (pieces.length < 2 || digits < 3 || digits > 4 || !bare) continue;
          const entityId = `cvv-${turn.index}-${run.start}`;
          for (const p of pieces) {
            taken.add(p.run);
            out.push(candidate('CARD_CVV', p.turn, p.run.start, p.run.end, 'cvv-split-across-turns', 0.6, { contextBoost: 0.3, entityId, notes: ['split-across-turns'] }));
          }
          continue;
        }
        if (run.digits.length > 4) continue;
        const ctx = numberContext(conv, turn.index, run.start, run.end);
        // "4111 1111 1111 1111 and the code is 123": a bare "code" during card payment is the CVV.
        const bareCodeInPayment =
          ctx.near === 'negative' && BARE_CODE.test(turn.lower.slice(Math.max(0, run.start - 24), run.start)) && (CARD_WORDS.test(turn.lower) || ctx.asked.has('card'));
        if ((!isAbout(ctx, 'cvv') && !bareCodeInPayment) || ctx.amountLike) continue;
        if (ctx.near === undefined && isNegative(ctx)) continue;
        out.push(candidate('CARD_CVV', turn.index, run.start, run.end, 'cvv-in-context', 0.6, { contextBoost: 0.3 }));
      }
    });
    return out;
  },
};
