import { findNumbers } from 'libphonenumber-js/min';
import { digitRuns } from '../analysis/digit-runs.js';
import { isAbout, isNegative, numberContext, type NumberContext } from '../analysis/subject.js';
import type { Candidate, ConversationView, Detector, TurnView } from '../types.js';
import { candidate } from './candidate.js';

/**
 * Phone numbers, the caller's and everybody else's (businesses' toll-free numbers included):
 * libphonenumber-js finds valid numbers (US by default, any country after "+"); a NANP-shaped
 * pattern catches numbers it rejects (fictional area codes are still someone's number to hide);
 * vanity numbers ("1-800-SKYLINE", "one eight hundred skyline"); the last four where a phone is
 * named ("the phone ending in 0134"). A number named as something else (card, account, order) is
 * left to that detector.
 */
const NANP = /(?<![\p{L}\p{N}+])(?:\+?1[ .-]?)?(?:\(\d{3}\) ?|\d{3}[ .-]?)\d{3}[ .-]?\d{4}(?![\p{L}\p{N}])/gu;
const LOCAL7 = /(?<![\p{L}\p{N}])\d{3}[ .-]\d{4}(?![\p{L}\p{N}])/gu;
const VANITY = /(?<![\p{L}\p{N}])(?:\+?1[ .-]?)?8(?:00|33|44|55|66|77|88)[ .-]?(?:\d{1,3}[ .-]?)?(\p{L}{3,10}(?:[ .-]?\d{1,4})?)(?![\p{L}\p{N}])/gu;
const NOT_VANITY = new Set(['number', 'numbers', 'dollars', 'and', 'the', 'for', 'that', 'this', 'then', 'okay', 'calls', 'line', 'customer', 'please', 'thanks', 'thank', 'option', 'extension', 'again', 'is', 'was', 'times', 'miles', 'members', 'pounds', 'euros', 'hours', 'minutes', 'days', 'items', 'people']);
const OTHER = new Set(['card', 'ssn', 'account', 'routing', 'cvv', 'expiry', 'dob', 'iban']);
const DIGITS = /\d/g;

function namedAsOther(ctx: NumberContext): boolean {
  if (ctx.near !== undefined) return ctx.near !== 'phone';
  if (ctx.asked.has('phone')) return false;
  for (const s of ctx.asked) if (OTHER.has(s)) return true;
  return false;
}

export const phoneDetector: Detector = {
  name: 'phone',
  types: ['PHONE'],
  detect(conv: ConversationView): Candidate[] {
    const out: Candidate[] = [];
    for (const turn of conv.turns) {
      const runs = digitRuns(turn);
      if (runs.length === 0) continue;
      const text = turn.normalized.text;
      const digitCount = text.match(DIGITS)?.length ?? 0;
      if (digitCount >= 7) findFull(conv, turn, out);
      findVanity(conv, turn, out);
      for (const run of runs) {
        const len = run.digits.length;
        const ctx = numberContext(conv, turn.index, run.start, run.end);
        if (!isAbout(ctx, 'phone') || ctx.amountLike) continue;
        if (len === 4) out.push(candidate('PHONE', turn.index, run.start, run.end, 'phone-last-four', 0.55, { contextBoost: 0.3, notes: ['partial'] }));
        else if (len >= 7 && len <= 15) out.push(candidate('PHONE', turn.index, run.start, run.end, 'digits-in-phone-context', 0.55, { contextBoost: 0.3 }));
      }
    }
    return out;
  },
};

function findFull(conv: ConversationView, turn: TurnView, out: Candidate[]): void {
  const view = turn.normalized;
  const push = (nStart: number, nEnd: number, pattern: string, base: number, validated?: boolean): void => {
    const [start, end] = view.toOriginal(nStart, nEnd);
    const ctx = numberContext(conv, turn.index, start, end);
    if (namedAsOther(ctx) || isNegative(ctx)) return;
    const boost = isAbout(ctx, 'phone') ? 0.25 : 0;
    out.push(candidate('PHONE', turn.index, start, end, pattern, base, validated === undefined ? { contextBoost: boost } : { validated, contextBoost: boost }));
  };
  for (const n of findNumbers(view.text, { defaultCountry: 'US', v2: true })) push(n.startsAt, n.endsAt, 'libphonenumber', 0.7, true);
  NANP.lastIndex = 0;
  for (let m = NANP.exec(view.text); m !== null; m = NANP.exec(view.text)) push(m.index, m.index + m[0].length, 'nanp-shape', 0.6);
  LOCAL7.lastIndex = 0;
  for (let m = LOCAL7.exec(view.text); m !== null; m = LOCAL7.exec(view.text)) push(m.index, m.index + m[0].length, 'local-seven-digits', 0.45);
}

function findVanity(conv: ConversationView, turn: TurnView, out: Candidate[]): void {
  const view = turn.normalized;
  VANITY.lastIndex = 0;
  for (let m = VANITY.exec(view.text); m !== null; m = VANITY.exec(view.text)) {
    const word = (m[1] as string).toLowerCase().replace(/[^\p{L}]/gu, '');
    if (NOT_VANITY.has(word)) continue;
    const [start, end] = view.toOriginal(m.index, m.index + m[0].length);
    const ctx = numberContext(conv, turn.index, start, end);
    if (isNegative(ctx) && !isAbout(ctx, 'phone')) continue;
    out.push(candidate('PHONE', turn.index, start, end, 'vanity-toll-free', 0.65, { notes: ['vanity'] }));
  }
}
