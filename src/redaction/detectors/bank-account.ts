import { continuation } from '../analysis/dictation.js';
import { digitRuns, type DigitRun } from '../analysis/digit-runs.js';
import { isAbout, isNegative, mentions, numberContext, saidAsPart } from '../analysis/subject.js';
import type { Candidate, ConversationView, Detector, TurnView } from '../types.js';
import { candidate } from './candidate.js';

/**
 * Bank account numbers, full (4-17 digits, the US range) or partial ("account ending in 0708").
 * No checksum exists for US accounts, so the account must be named or asked for.
 */
const ACCOUNT_RIGHT_BEFORE = /(?:account|acct|a\/c|checking|savings|chequing)(?: number| no\.?| #)?(?: is| was|:|#)?\s*(?:it's |its |um |uh )?$/;

/** "account ending in 0708": a read-back of a known number, not the start of a dictation. */
const PART_LEAD = /(?:ending(?: in| with)?|ends (?:in|with)|last (?:four|4)(?: digits)?(?: (?:is|are))?)\W*$/;

export const bankAccountDetector: Detector = {
  name: 'bank-account',
  types: ['BANK_ACCOUNT'],
  detect(conv: ConversationView): Candidate[] {
    const out: Candidate[] = [];
    if (!mentions(conv, 'account')) return out;
    const dictated = new Set<DigitRun>();
    for (let k = 0; k < conv.turns.length; k++) {
      const turn = conv.turns[k] as TurnView;
      for (const run of digitRuns(turn)) {
        if (dictated.has(run)) continue;
        const len = run.digits.length;
        if (len < 4 || len > 17) continue;
        const ctx = numberContext(conv, turn.index, run.start, run.end);
        if (!isAbout(ctx, 'account') || ctx.amountLike) continue;
        if (ctx.near === undefined && isNegative(ctx)) continue;
        if (len <= 6 && !saidAsPart(turn, run.start, ctx, 'account', ACCOUNT_RIGHT_BEFORE)) continue;
        // Dictated in chunks ("0722" / "next set?" / "3815"): the following chunks are the same account.
        const readBack = len <= 4 && PART_LEAD.test(turn.lower.slice(Math.max(0, run.start - 24), run.start));
        const rest = !readBack && isLastRun(turn, run) && len < 17 ? continuation(conv, k, 17 - len, (t, r) => numberContext(conv, t.index, r.start, r.end).near === undefined, 'account') : [];
        if (rest.length > 0) {
          const entityId = `account-${turn.index}-${run.start}`;
          for (const p of [{ turn: turn.index, run }, ...rest]) {
            dictated.add(p.run);
            out.push(candidate('BANK_ACCOUNT', p.turn, p.run.start, p.run.end, 'account-split-across-turns', 0.55, { contextBoost: 0.3, entityId, notes: ['split-across-turns'] }));
          }
          continue;
        }
        out.push(candidate('BANK_ACCOUNT', turn.index, run.start, run.end, len <= 4 ? 'account-last-four' : 'account-in-context', 0.55, { contextBoost: 0.3, notes: len <= 4 ? ['partial'] : [] }));
      }
    }
    return out;
  },
};

/** Is `run` the last digit run of its turn (so a dictation may go on in the next turns)? */
function isLastRun(turn: TurnView, run: DigitRun): boolean {
  const runs = digitRuns(turn);
  return runs[runs.length - 1] === run;
}
