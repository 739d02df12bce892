/**
 * Read-backs and their corrections. To confirm a value the agent reads it back, often with a digit
 * wrong ("Let me read that back: 00123456798?", "that's the card ending double oh four oh"), and
 * the customer corrects only the part that was wrong ("No, it ends 6789.", "no triple oh four");
 * the agent confirms it ("Sorry about that, ending 6789."). None of these turns names the value,
 * yet each exposes real digits of it: they take the type of the value being read back (LABELS.md
 * rule 8, partial identifiers).
 *
 * The type comes from the conversation, never from the digits alone: a value is typed where it is
 * named or asked for ("what's your account number?" / "00123456789"), and a later number that is
 * the same value (a misheard digit or two allowed) or its ending inherits that type. An untyped
 * read-back ("so that's 3 tickets?" / "no, 2 of them") and an order or an amount stay visible.
 */
import { digitRuns, type DigitRun } from '../analysis/digit-runs.js';
import { isNegative, numberContext, type Subject } from '../analysis/subject.js';
import type { Candidate, ConversationView, Detector, EntityType, TurnView } from '../types.js';
import { candidate } from './candidate.js';

const TYPE_OF: Partial<Record<Subject, EntityType>> = { card: 'CREDIT_CARD', ssn: 'SSN', account: 'BANK_ACCOUNT', phone: 'PHONE' };

/** A typed value heard in the call (digits only, kept in memory for this conversation, never logged). */
interface Heard {
  digits: string;
  type: EntityType;
  turn: number;
}

/** The customer rejects the read-back: "No, ...", "nope", "not quite", "sorry, it's ...", "actually ...". */
const CORRECTION_LEAD = /^\W*(?:(?:uh|um|er|erm|oh|ah|hmm)\W+)?(?:no|nope|nah|not quite|not exactly|close|almost|sorry|actually|wrong)\b/;
/** "it ends 6778", "ending in 6778", "last four are 6778" right before the digits. */
const ENDING_BEFORE = /(?:\bends?|\bending|\blast (?:four|4|three|3|two|2|digits?|numbers?))(?: (?:in|with|on|is|are|of it))?\W*(?:(?:it's|its|is|um|uh|er) )?$/;
/** Words that make a turn a read-back: the agent repeating a value to confirm it. */
const READ_BACK = /\?|\b(?:read (?:that|it|this) back|reading (?:that|it) back|that's|that is|thats|so|confirm|just to confirm|to confirm|i have|i've got|ending|ends)\b/;
/** At most this many turns between a read-back and its correction (interjections count). */
const WINDOW = 3;

export const readBackCorrectionDetector: Detector = {
  name: 'read-back-correction',
  types: ['PHONE', 'CREDIT_CARD', 'SSN', 'BANK_ACCOUNT'],
  detect(conv: ConversationView): Candidate[] {
    const out: Candidate[] = [];
    const heard: Heard[] = [];
    for (const turn of conv.turns) {
      const runs = digitRuns(turn);
      if (runs.length === 0) continue;
      for (const run of runs) {
        const typed = typeByContext(conv, turn, run);
        if (typed === 'negative') continue;
        if (typed !== undefined) {
          if (run.digits.length >= 4) heard.push({ digits: run.digits, type: typed, turn: turn.index });
          continue; // named or asked for: its own detector finds it
        }
        const match = sameValue(heard, turn, run) ?? correction(heard, turn, run);
        if (match === undefined) continue;
        out.push(candidate(match.type, turn.index, run.start, run.end, match.pattern, 0.6, { contextBoost: 0.3, notes: ['partial', 'read-back'] }));
        heard.push({ digits: run.digits, type: match.type, turn: turn.index });
      }
    }
    return out;
  },
};

/** The sensitive type the words around a number give it; 'negative' for an order, an amount, a time. */
function typeByContext(conv: ConversationView, turn: TurnView, run: DigitRun): EntityType | 'negative' | undefined {
  const ctx = numberContext(conv, turn.index, run.start, run.end);
  if (isNegative(ctx)) return 'negative';
  if (ctx.near !== undefined) return TYPE_OF[ctx.near] ?? 'negative';
  // A short answer right after a read-back is the correction, not an answer to an older question.
  const asked = [...ctx.asked].map((s) => TYPE_OF[s]).filter((t) => t !== undefined);
  if (asked.length === 1 && !CORRECTION_LEAD.test(turn.lower)) return asked[0];
  return undefined;
}

/** The same value read back (a digit or two misheard), or its ending read back to confirm. */
function sameValue(heard: readonly Heard[], turn: TurnView, run: DigitRun): { type: EntityType; pattern: string } | undefined {
  const d = run.digits;
  if (d.length < 4) return undefined;
  const readBack = READ_BACK.test(turn.lower);
  for (let i = heard.length - 1; i >= 0; i--) {
    const h = heard[i] as Heard;
    if (d.length >= 7 && h.digits.length === d.length && mismatches(h.digits, d, 0) <= 2) return { type: h.type, pattern: 'read-back' };
    if (!readBack || turn.index - h.turn > WINDOW * 4) continue;
    if (h.digits.length === d.length && closeShort(h.digits, d)) return { type: h.type, pattern: 'read-back' };
    if (h.digits.length > d.length && closeShort(h.digits.slice(-d.length), d)) return { type: h.type, pattern: 'read-back-ending' };
  }
  return undefined;
}

/**
 * A short digit group (3-6 digits) rejecting or confirming a read-back a few turns before: after
 * "no"/"sorry" opening the turn, or after "ends"/"ending". The type is the read-back value's.
 */
function correction(heard: readonly Heard[], turn: TurnView, run: DigitRun): { type: EntityType; pattern: string } | undefined {
  const d = run.digits;
  if (d.length < 3 || d.length > 6) return undefined;
  const before = turn.lower.slice(Math.max(0, run.start - 30), run.start);
  const ending = ENDING_BEFORE.test(before);
  // "No, 6467." / "no triple oh four": the digits follow the "no" closely (nothing but a few words between).
  const rejects = CORRECTION_LEAD.test(turn.lower) && run.start <= 40;
  if (!ending && !rejects) return undefined;
  const last = heard[heard.length - 1];
  if (last === undefined || turn.index - last.turn > WINDOW || last.digits.length < d.length) return undefined;
  return { type: last.type, pattern: ending ? 'correction-ending' : 'correction' };
}

/** A short value heard again: equal, one digit misheard, or two digits swapped. */
function closeShort(a: string, b: string): boolean {
  const n = mismatches(a, b, 0);
  return n <= 1 || (n === 2 && [...a].sort().join('') === [...b].sort().join(''));
}

/** Digits of `part` differing from `whole` read from `offset`. */
function mismatches(whole: string, part: string, offset: number): number {
  let n = 0;
  for (let i = 0; i < part.length; i++) if (whole.charCodeAt(offset + i) !== part.charCodeAt(i)) n += 1;
  return n;
}
