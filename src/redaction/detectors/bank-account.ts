import { digitRuns } from '../analysis/digit-runs.js';
import { isAbout, isNegative, mentions, numberContext, saidAsPart } from '../analysis/subject.js';
import type { Candidate, ConversationView, Detector } from '../types.js';
import { candidate } from './candidate.js';

/**
 * Bank account numbers, full (4-17 digits, the US range) or partial ("account ending in 0708").
 * No checksum exists for US accounts, so the account must be named or asked for.
 */
const ACCOUNT_RIGHT_BEFORE = /(?:account|acct|a\/c|checking|savings|chequing)(?: number| no\.?| #)?(?: is| was|:|#)?\s*(?:it's |its |um |uh )?$/;

export const bankAccountDetector: Detector = {
  name: 'bank-account',
  types: ['BANK_ACCOUNT'],
  detect(conv: ConversationView): Candidate[] {
    const out: Candidate[] = [];
    if (!mentions(conv, 'account')) return out;
    for (const turn of conv.turns) {
      for (const run of digitRuns(turn)) {
        const len = run.digits.length;
        if (len < 4 || len > 17) continue;
        const ctx = numberContext(conv, turn.index, run.start, run.end);
        if (!isAbout(ctx, 'account') || ctx.amountLike) continue;
        if (ctx.near === undefined && isNegative(ctx)) continue;
        if (len <= 6 && !saidAsPart(turn, run.start, ctx, 'account', ACCOUNT_RIGHT_BEFORE)) continue;
        out.push(candidate('BANK_ACCOUNT', turn.index, run.start, run.end, len <= 4 ? 'account-last-four' : 'account-in-context', 0.55, { contextBoost: 0.3, notes: len <= 4 ? ['partial'] : [] }));
      }
    }
    return out;
  },
};
