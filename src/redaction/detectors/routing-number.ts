import { digitRuns } from '../analysis/digit-runs.js';
import { isAbout, mentions, numberContext } from '../analysis/subject.js';
import type { Candidate, ConversationView, Detector } from '../types.js';
import { abaValid } from '../validators/aba.js';
import { candidate } from './candidate.js';

/**
 * US ABA routing transit numbers: nine digits where a routing number is named or asked for. The
 * ABA checksum confirms; a failing one is still redacted in that context (fail closed).
 */
export const routingNumberDetector: Detector = {
  name: 'routing-number',
  types: ['ROUTING_NUMBER'],
  detect(conv: ConversationView): Candidate[] {
    const out: Candidate[] = [];
    if (!mentions(conv, 'routing')) return out;
    for (const turn of conv.turns) {
      for (const run of digitRuns(turn)) {
        if (run.digits.length !== 9) continue;
        const ctx = numberContext(conv, turn.index, run.start, run.end);
        if (!isAbout(ctx, 'routing')) continue;
        const valid = abaValid(run.digits);
        out.push(candidate('ROUTING_NUMBER', turn.index, run.start, run.end, 'aba-in-context', valid ? 0.7 : 0.6, { validated: valid, contextBoost: 0.3 }));
      }
    }
    return out;
  },
};
