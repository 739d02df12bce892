import { continuation, wordsBesides } from '../analysis/dictation.js';
import { digitRuns, type DigitRun } from '../analysis/digit-runs.js';
import { isAbout, mentions, numberContext, type NumberContext } from '../analysis/subject.js';
import type { Candidate, ConversationView, Detector, TurnView } from '../types.js';
import { candidate } from './candidate.js';

/**
 * Card expiry dates: "09/27", "09/2027", "September 2027", spoken "oh nine twenty seven" (normalized
 * to "0927"). An expiry is a month and a year, which many things are, so it needs the expiry (or
 * card) to be named or asked for; with "expires"/"expiration" the score is high.
 */
const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const SLASHED = /(?<![\p{L}\p{N}\/.-])(?:0?[1-9]|1[0-2]) ?[\/-] ?(?:20)?\d{2}(?![\p{L}\p{N}]|[\/.-]\d)/gu;
const MONTH_YEAR = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${MONTHS})\.?,? (?:of )?(?:20\d{2}|\d{2})(?![\p{L}\p{N}]|[\/.-]\d)`, 'giu');
/** Each pattern with what it needs somewhere in the text (same flags, so the same case folding). */
const PATTERNS = [
  [SLASHED, 'mm/yy', /[\/-]/u],
  [MONTH_YEAR, 'month-year', /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/iu],
] as const;
/** Month+year digits as dictated: MMYY or MMYYYY, or "09 27"; "nine twenty seven" (MYY); a year alone ("twenty twenty eight"). */
const MMYY = /^(?:0[1-9]|1[0-2])(?:\d{2}|20\d{2})$/;
const MYY = /^[1-9][2-4]\d$/;
const YEAR_ONLY = /^20[2-4]\d$/;

/**
 * A card expires within a few years of issue: a two-digit year from 15 to 45 (2015-2045). "good
 * until June 10" (10), a payoff quote's "good until Dec 14" are days, not expiry years.
 */
function plausibleYear(value: string): boolean {
  const m = /(\d{2,4})\D*$/.exec(value);
  if (m === null) return false;
  const y = Number((m[1] as string).length === 4 ? (m[1] as string).slice(2) : (m[1] as string).slice(-2));
  return (m[1] as string).length === 4 ? /^20[1-4]\d$/.test(m[1] as string) && y >= 15 && y <= 45 : y >= 15 && y <= 45;
}

/** The year part of a dictated expiry: MMYY / MYY end in the year, MMYYYY and a year alone give four digits. */
function runYear(digits: string, shape: string): string {
  return shape === 'year-only' ? digits : digits.length === 6 ? digits.slice(2) : digits.slice(-2);
}

/** "expires", "exp", "expiration": always about a card. "good until" / "valid through" are said of quotes and offers too. */
const STRONG_CUE = /expir|\bexp\b|\bexp\.|expiry/;
const CARD_TALK = /\bcards?\b|visa|master ?card|amex|american express|discover|cvv|security code/;

/** With only a weak cue ("good until"), a card must have been talked about in this turn or the four before. */
function cardNearby(conv: ConversationView, turnIndex: number, start: number): boolean {
  const turn = conv.turns[turnIndex];
  if (turn !== undefined && STRONG_CUE.test(turn.lower.slice(Math.max(0, start - 40), start))) return true;
  for (let i = turnIndex; i >= 0 && i >= turnIndex - 4; i--) {
    const t = conv.turns[i];
    if (t !== undefined && (CARD_TALK.test(t.lower) || (i < turnIndex && STRONG_CUE.test(t.lower)))) return true;
  }
  return false;
}

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
    const taken = new Set<DigitRun>();
    conv.turns.forEach((turn, k) => {
      const runs = digitRuns(turn);
      if (runs.length === 0) return;
      const view = turn.normalized;
      for (const [re, name, hint] of PATTERNS) {
        // Prefilter (speed only): a slash or dash for mm/yy, a month name for month-year.
        if (!hint.test(view.text)) continue;
        re.lastIndex = 0;
        for (let m = re.exec(view.text); m !== null; m = re.exec(view.text)) {
          const [start, end] = view.toOriginal(m.index, m.index + m[0].length);
          const ctx = numberContext(conv, turn.index, start, end);
          if (!plausibleYear(m[0]) || !cardNearby(conv, turn.index, start)) continue;
          const score = name === 'month-year' ? (isAbout(ctx, 'expiry') ? 0.9 : undefined) : expiryScore(ctx);
          if (score !== undefined) out.push(candidate('CARD_EXPIRY', turn.index, start, end, name, score));
        }
      }
      for (const run of runs) {
        if (taken.has(run)) continue;
        const split = splitExpiry(conv, turn, k, run, taken);
        if (split.length > 0) {
          for (const c of split) out.push(c);
          continue;
        }
        const spacedPair = run.groups.length === 2 && run.groups[0] === 2 && (run.groups[1] === 2 || run.groups[1] === 4);
        const shape = MMYY.test(run.digits) ? 'mmyy-digits' : run.groups.length === 1 && MYY.test(run.digits) ? 'myy-digits' : YEAR_ONLY.test(run.digits) ? 'year-only' : undefined;
        if (shape === undefined || (run.groups.length > 1 && !spacedPair)) continue;
        const ctx = numberContext(conv, turn.index, run.start, run.end);
        if (!isAbout(ctx, 'expiry') || ctx.amountLike || !plausibleYear(runYear(run.digits, shape)) || !cardNearby(conv, turn.index, run.start)) continue;
        out.push(candidate('CARD_EXPIRY', turn.index, run.start, run.end, shape, shape === 'mmyy-digits' ? 0.85 : 0.7));
      }
    });
    return out;
  },
};

/**
 * "it's oh four" / "yep" / "twenty nine": the month in one turn, the year in the speaker's next,
 * the agent only acknowledging between. Each piece is (nearly) all its turn says, and month and
 * year together read as an expiry; both pieces are one entity.
 */
function splitExpiry(conv: ConversationView, turn: TurnView, k: number, run: DigitRun, taken: Set<DigitRun>): Candidate[] {
  if (!/^(?:0[1-9]|1[0-2])$/.test(run.digits) || digitRuns(turn).length > 1 || wordsBesides(turn, run) > 2) return [];
  const ctx = numberContext(conv, turn.index, run.start, run.end);
  if (!isAbout(ctx, 'expiry') || ctx.amountLike) return [];
  const pieces = continuation(conv, k, 4, undefined, 'expiry');
  const next = pieces.filter((p) => p.echo !== true)[0];
  if (next === undefined || !/^(?:\d{2}|20\d{2})$/.test(next.run.digits) || !plausibleYear(next.run.digits)) return [];
  const nextTurn = conv.turns.find((t) => t.index === next.turn);
  if (nextTurn === undefined || wordsBesides(nextTurn, next.run) > 2) return [];
  // The rest of the dictation (the year, an echo of it) is this expiry, not one of its own.
  for (const p of pieces) taken.add(p.run);
  const entityId = `expiry-${turn.index}-${run.start}`;
  const extra = { contextBoost: 0.2, entityId, notes: ['split-across-turns'] };
  return [candidate('CARD_EXPIRY', turn.index, run.start, run.end, 'expiry-split-across-turns', 0.7, extra), candidate('CARD_EXPIRY', next.turn, next.run.start, next.run.end, 'expiry-split-across-turns', 0.7, extra)];
}
