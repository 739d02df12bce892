import { digitRuns } from '../analysis/digit-runs.js';
import { isAbout, mentions, numberContext, type NumberContext } from '../analysis/subject.js';
import type { Candidate, ConversationView, Detector } from '../types.js';
import { candidate } from './candidate.js';

/**
 * Card expiry dates: "09/27", "09/2027", "September 2027", spoken "oh nine twenty seven" (normalized
 * to "0927"). An expiry is a month and a year, which many things are, so it needs the expiry (or
 * card) to be named or asked for; with "expires"/"expiration" the score is high.
 */
const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const SLASHED = /(?<![\p{L}\p{N}\/.-])(?:0?[1-9]|1[0-2]) ?[\/-] ?(?:20)?\d{2}(?![\p{L}\p{N}]|[\/.-]\d)/gu;
const MONTH_YEAR = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${MONTHS})\.?,? (?:of )?(?:20\d{2}|\d{2})(?![\p{L}\p{N}]|[\/.-]\d)`, 'giu');
/** Month+year digits as dictated: MMYY or MMYYYY, or "09 27"; "nine twenty seven" (MYY); a year alone ("twenty twenty eight"). */
const MMYY = /^(?:0[1-9]|1[0-2])(?:\d{2}|20\d{2})$/;
const MYY = /^[1-9][2-4]\d$/;
const YEAR_ONLY = /^20[2-4]\d$/;

function expiryScore(ctx: NumberContext): number | undefined {
  if (isAbout(ctx, 'expiry')) return 0.9;
  if (isAbout(ctx, 'card') || isAbout(ctx, 'cvv')) return 0.55;
  return undefined;
}

export const cardExpiryDetector: Detector = {
  name: 'card-expiry',
  types: ['CARD_EXPIRY'],
  detect(conv: ConversationView): Candidate[] {
    const out: Candidate[] = [];
    if (!mentions(conv, 'expiry', 'card', 'cvv')) return out;
    for (const turn of conv.turns) {
      const runs = digitRuns(turn);
      if (runs.length === 0) continue;
      const view = turn.normalized;
      for (const [re, name] of [[SLASHED, 'mm/yy'], [MONTH_YEAR, 'month-year']] as const) {
        re.lastIndex = 0;
        for (let m = re.exec(view.text); m !== null; m = re.exec(view.text)) {
          const [start, end] = view.toOriginal(m.index, m.index + m[0].length);
          const ctx = numberContext(conv, turn.index, start, end);
          const score = name === 'month-year' ? (isAbout(ctx, 'expiry') ? 0.9 : undefined) : expiryScore(ctx);
          if (score !== undefined) out.push(candidate('CARD_EXPIRY', turn.index, start, end, name, score));
        }
      }
      for (const run of runs) {
        const spacedPair = run.groups.length === 2 && run.groups[0] === 2 && (run.groups[1] === 2 || run.groups[1] === 4);
        const shape = MMYY.test(run.digits) ? 'mmyy-digits' : run.groups.length === 1 && MYY.test(run.digits) ? 'myy-digits' : YEAR_ONLY.test(run.digits) ? 'year-only' : undefined;
        if (shape === undefined || (run.groups.length > 1 && !spacedPair)) continue;
        const ctx = numberContext(conv, turn.index, run.start, run.end);
        if (!isAbout(ctx, 'expiry') || ctx.amountLike) continue;
        out.push(candidate('CARD_EXPIRY', turn.index, run.start, run.end, shape, shape === 'mmyy-digits' ? 0.85 : 0.7));
      }
    }
    return out;
  },
};
