import { digitRuns } from '../analysis/digit-runs.js';
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
    for (const turn of conv.turns) {
      for (const run of digitRuns(turn)) {
        if (run.digits.length < 3 || run.digits.length > 4) continue;
        const ctx = numberContext(conv, turn.index, run.start, run.end);
        // "4111 1111 1111 1111 and the code is 123": a bare "code" during card payment is the CVV.
        const bareCodeInPayment =
          ctx.near === 'negative' && BARE_CODE.test(turn.lower.slice(Math.max(0, run.start - 24), run.start)) && (CARD_WORDS.test(turn.lower) || ctx.asked.has('card'));
        if ((!isAbout(ctx, 'cvv') && !bareCodeInPayment) || ctx.amountLike) continue;
        if (ctx.near === undefined && isNegative(ctx)) continue;
        out.push(candidate('CARD_CVV', turn.index, run.start, run.end, 'cvv-in-context', 0.6, { contextBoost: 0.3 }));
      }
    }
    return out;
  },
};
