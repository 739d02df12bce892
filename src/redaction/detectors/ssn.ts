import { digitRuns } from '../analysis/digit-runs.js';
import { isAbout, isNegative, numberContext, saidAsPart } from '../analysis/subject.js';
import type { Candidate, ConversationView, Detector } from '../types.js';
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
    for (const turn of conv.turns) {
      for (const run of digitRuns(turn)) {
        const len = run.digits.length;
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
