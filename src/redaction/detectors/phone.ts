import { isValidPhoneNumber, parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { continuation } from '../analysis/dictation.js';
import { digitRuns, type DigitRun } from '../analysis/digit-runs.js';
import { askedForPart, isAbout, isNegative, numberContext, type NumberContext } from '../analysis/subject.js';
import type { Candidate, ConversationView, Detector, TurnView } from '../types.js';
import { candidate } from './candidate.js';
import { HeardNumbers } from './phone-memory.js';

/**
 * Phone numbers, the caller's and everybody else's (businesses' toll-free numbers included):
 * libphonenumber-js finds valid numbers (US by default, any country after "+"); a NANP-shaped
 * pattern catches numbers it rejects (fictional area codes are still someone's number to hide);
 * vanity numbers ("1-800-SKYLINE", "one eight hundred skyline"); the last four where a phone is
 * named ("the phone ending in 0134"). A number named as something else (card, account, order) is
 * left to that detector.
 */
const NANP = /(?<![A-Za-z0-9+])(?:\+?1[ .-]?)?(?:\(\d{3}\) ?|\d{3}[ .-]?)\d{3}[ .-]?\d{4}(?![A-Za-z0-9])/g;
const LOCAL7 = /(?<![A-Za-z0-9])\d{3}[ .-]\d{4}(?![A-Za-z0-9])/g;
/** 1-8xx then letters: a vanity number spells 7 letters, sometimes said as two words ("claim it"). */
const VANITY = /(?<![\p{L}\p{N}])(\+?1[ .-]?)?8(?:00|33|44|55|66|77|88)[ .-]?(\p{L}{2,10}(?:[ .-]\p{L}{1,6}){0,2}(?:[ .-]\d ?\p{L}{1,3}|[ .-]?\d{1,4})?)(?![\p{L}\p{N}])/gu;
const NOT_VANITY = new Set(['number', 'numbers', 'dollars', 'and', 'the', 'for', 'that', 'this', 'then', 'okay', 'calls', 'line', 'customer', 'please', 'thanks', 'thank', 'option', 'extension', 'again', 'is', 'was', 'times', 'miles', 'members', 'pounds', 'euros', 'hours', 'minutes', 'days', 'items', 'people',
  'to', 'a', 'an', 'on', 'in', 'at', 'or', 'if', 'so', 'we', 'us', 'our', 'you', 'have', 'has', 'any', 'anytime', 'today', 'take', 'care', 'bye', 'good']);
/** Keypad digits after 1-8xx; a vanity word may run past them ("1-800-GIVE-HOPE": the extra letters are not dialled). */
const VANITY_DIGITS = 7;
const VANITY_MAX_LETTERS = 10;
const OTHER = new Set(['card', 'ssn', 'account', 'routing', 'cvv', 'expiry', 'dob', 'iban']);
const PHONE_AFTER = /^[\s,.]*(?:is|was|that's|as)?\s*(?:the|my|our|their|his|her)?\s*(?:\w+ )?(?:phone|number to call|contact number|cell|mobile|line)\b/;
const TOLL_FREE_HINT = /8(?:00|33|44|55|66|77|88)/;
const TRUNK_ZERO = /(?<![A-Za-z0-9+])0\d{2,4}[ .-]?\d{3,4}[ .-]?\d{3,4}(?![A-Za-z0-9])/g;
const INTERNATIONAL = /(?<![A-Za-z0-9+])\+\d{1,3}[ .-]?(?:\(0\)[ .-]?)?(?:\(?\d{1,5}\)?[ .-]?){1,5}\d{1,5}(?![A-Za-z0-9])/g;

/**
 * NANP numbering plan rules (cheaper than a libphonenumber parse for the commonest case): area code
 * and exchange start with 2-9, the area code is not an N11 service code. 555 numbers pass: fictional
 * or not, a caller's number is hidden.
 */
function nanpValid(value: string): boolean {
  let d = value.replace(/\D/g, '');
  if (d.length === 11 && d.startsWith('1')) d = d.slice(1);
  if (d.length !== 10) return false;
  const a = d.charCodeAt(0) - 48;
  const e = d.charCodeAt(3) - 48;
  return a >= 2 && e >= 2 && !(d[1] === '1' && d[2] === '1');
}

const gbCache = new Map<string, boolean>();

/** libphonenumber-js validation of a UK national number, memoized (parsing is the costly part of this detector). */
function validInGb(value: string): boolean {
  const digits = value.replace(/\D/g, '');
  let valid = gbCache.get(digits);
  if (valid === undefined) {
    valid = isValidPhoneNumber(digits, 'GB');
    if (gbCache.size > 10_000) gbCache.clear();
    gbCache.set(digits, valid);
  }
  return valid;
}

/** The number without its country code or trunk zero, so "+44 7896 066090" and "07896066090" compare equal. */
function nationalPart(digits: string): string {
  if (digits.length === 11 && digits.startsWith('1')) return digits.slice(1);
  if (digits.startsWith('44') && digits.length >= 12) return digits.slice(2).replace(/^0/, '');
  if (digits.startsWith('0')) return digits.slice(1);
  return digits;
}

function namedAsOther(ctx: NumberContext): boolean {
  if (ctx.near !== undefined) return OTHER.has(ctx.near);
  if (ctx.asked.has('phone')) return false;
  for (const s of ctx.asked) if (OTHER.has(s)) return true;
  return false;
}

export const phoneDetector: Detector = {
  name: 'phone',
  types: ['PHONE'],
  detect(conv: ConversationView): Candidate[] {
    const out: Candidate[] = [];
    /** National significant parts of the numbers found so far, to recognise them when repeated. */
    const heard = new HeardNumbers();
    const dictated = new Set<DigitRun>();
    for (let k = 0; k < conv.turns.length; k++) {
      const turn = conv.turns[k] as TurnView;
      const runs = digitRuns(turn);
      if (runs.length === 0) continue;
      const text = turn.normalized.text;
      let digitCount = 0;
      for (const r of runs) digitCount += r.digits.length;
      const before = out.length;
      if (digitCount >= 7) findFull(conv, turn, out);
      for (let i = before; i < out.length; i++) {
        const c = out[i] as Candidate;
        const digits = turn.text.slice(c.start, c.end).replace(/\D/g, '');
        const fromNormalized = runs.find((r) => r.start < c.end && c.start < r.end)?.digits;
        heard.add(nationalPart(digits.length >= 7 ? digits : (fromNormalized ?? digits)));
      }
      if (TOLL_FREE_HINT.test(text)) findVanity(conv, turn, out);
      for (const run of runs) {
        if (dictated.has(run)) continue;
        const len = run.digits.length;
        const ctx = numberContext(conv, turn.index, run.start, run.end);
        if (heard.size > 0 && !namedAsOther(ctx) && !covered(out, before, turn.index, run)) {
          const national = nationalPart(run.digits);
          const negative = isNegative(ctx);
          if (len >= 7 && (heard.has(national) || (!negative && heard.matches(national)))) {
            // Said again ("let me repeat that, 07783 841695?") or read back with a digit misheard.
            heard.add(national);
            out.push(candidate('PHONE', turn.index, withPlus(turn, run), run.end, 'phone-repeated', 0.8, { notes: ['number-memory'] }));
            continue;
          }
          const lead = turn.lower.slice(Math.max(0, run.start - 24), run.start);
          if (!negative && len >= 3 && len <= 4 && ENDING_LEAD.test(lead) && heard.endsOne(run.digits)) {
            // "No, it ends 5978": the ending of a number given before.
            out.push(candidate('PHONE', turn.index, run.start, run.end, 'phone-ending-heard', 0.8, { notes: ['partial', 'number-memory'] }));
            continue;
          }
          if (!negative && len >= 3 && len < 7 && run.end <= firstFoundStart(out, before) && heard.startsOne(run.digits)) {
            // "It's 441 25... sorry, let me start again. (441) 521-8329": the abandoned start is the same number.
            out.push(candidate('PHONE', turn.index, run.start, run.end, 'phone-false-start', 0.7, { notes: ['partial', 'number-memory'] }));
            continue;
          }
        }
        const about = isAbout(ctx, 'phone') && !ctx.amountLike;
        const mayContinue = (about || heard.size > 0) && nextTurnHasDigits(conv, k);
        if (mayContinue && len >= 3 && len <= 8 && !namedAsOther(ctx) && !isNegative(ctx)) {
          // Dictated in chunks over several turns ("five eight eight" / "seven five seven" / "two two nine eight"),
          // or read back that way: one entity when it was asked for or matches a number heard before.
          const pieces = [{ turn: turn.index, run }, ...continuation(conv, k, 15 - len, (t, r) => numberContext(conv, t.index, r.start, r.end).near === undefined, 'phone')];
          const joined = pieces.filter((p) => p.echo !== true).map((p) => p.run.digits).join('');
          if (pieces.length > 1 && joined.length >= 7 && joined.length <= 15 && (about || heard.has(nationalPart(joined)))) {
            const entityId = `phone-${turn.index}-${run.start}`;
            for (const p of pieces) {
              dictated.add(p.run);
              out.push(candidate('PHONE', p.turn, p.run.start, p.run.end, 'phone-split-across-turns', 0.6, { contextBoost: 0.25, entityId, notes: ['split-across-turns'] }));
            }
            heard.add(nationalPart(joined));
            continue;
          }
        }
        if (!about) continue;
        if (len === 4 && (ctx.near === 'phone' || askedForPart(conv, turn.index))) out.push(candidate('PHONE', turn.index, run.start, run.end, 'phone-last-four', 0.55, { contextBoost: 0.3, notes: ['partial'] }));
        else if (len >= 7 && len <= 15) {
          heard.add(nationalPart(run.digits));
          out.push(candidate('PHONE', turn.index, withPlus(turn, run), run.end, 'digits-in-phone-context', 0.55, { contextBoost: 0.3 }));
        }
      }
    }
    return out;
  },
};

/** "it ends", "ending", "last four": a number's ending follows. */
const ENDING_LEAD = /(?:ending(?: in| with)?|ends(?: in| with)?|last (?:four|4|three|3)(?: digits)?(?: (?:is|are))?)\W*(?:it's |its )?$/;

/** Is the run already inside a candidate found in this turn (from index `from` of `out`)? */
function covered(out: readonly Candidate[], from: number, turn: number, run: DigitRun): boolean {
  for (let i = from; i < out.length; i++) {
    const c = out[i] as Candidate;
    if (c.turn === turn && c.start <= run.start && run.end <= c.end) return true;
  }
  return false;
}

/** Start of the first full number found in this turn (candidates from index `from`), or -1. */
function firstFoundStart(out: readonly Candidate[], from: number): number {
  let first = -1;
  for (let i = from; i < out.length; i++) {
    const c = out[i] as Candidate;
    if (first < 0 || c.start < first) first = c.start;
  }
  return first;
}

/** Start of a run including a "+" (or spoken "plus") right before it: the country code's sign is part of the number (rule 6). */
function withPlus(turn: TurnView, run: DigitRun): number {
  const view = turn.normalized;
  return run.nStart > 0 && view.text.charCodeAt(run.nStart - 1) === 43 ? view.toOriginal(run.nStart - 1, run.nEnd)[0] : run.start;
}

/** Cheap check before following a dictation: does one of the next few turns hold a number? */
function nextTurnHasDigits(conv: ConversationView, k: number): boolean {
  for (let j = k + 1; j < conv.turns.length && j <= k + 4; j++) if (digitRuns(conv.turns[j] as TurnView).length > 0) return true;
  return false;
}

function findFull(conv: ConversationView, turn: TurnView, out: Candidate[]): void {
  const view = turn.normalized;
  const push = (nStart: number, nEnd: number, pattern: string, base: number, validated?: boolean): void => {
    const [start, end] = view.toOriginal(nStart, nEnd);
    // Part of a longer digit run (an order number "740-0195810-3046308") is not a phone number.
    for (const r of digitRuns(turn)) if (r.start < end && start < r.end && (r.start < start || r.end > end)) return;
    const ctx = numberContext(conv, turn.index, start, end);
    if (namedAsOther(ctx)) return;
    const phoneAfter = PHONE_AFTER.test(turn.lower.slice(end, end + 30));
    if (!phoneAfter && isNegative(ctx)) {
      if (ctx.amountLike || base < 0.6 || ctx.near === undefined) return;
      // A phone-shaped number is still a phone when the other thing was named further back
      // ("the address is 625 Potrero Avenue, you can contact them at 415-502-8336"); "+1 ..." always is.
      const international = view.text.charCodeAt(nStart) === 43;
      if (!international && numberContext(conv, turn.index, start, end, 30).near === 'negative') return;
    }
    const boost = isAbout(ctx, 'phone') ? 0.25 : 0;
    out.push(candidate('PHONE', turn.index, start, end, pattern, base, validated === undefined ? { contextBoost: boost } : { validated, contextBoost: boost }));
  };
  // Candidates come from cheap patterns; libphonenumber-js validates them (scanning whole turns with it is ~50x slower).
  NANP.lastIndex = 0;
  for (let m = NANP.exec(view.text); m !== null; m = NANP.exec(view.text)) {
    const valid = nanpValid(m[0]);
    push(m.index, m.index + m[0].length, valid ? 'nanp-valid' : 'nanp-shape', valid ? 0.7 : 0.6, valid);
  }
  INTERNATIONAL.lastIndex = 0;
  for (let m = INTERNATIONAL.exec(view.text); m !== null; m = INTERNATIONAL.exec(view.text)) {
    const value = m[0].replace(/[ .-]+$/, '');
    const parsed = parsePhoneNumberFromString(value.replace('(0)', ''));
    if (parsed === undefined || !parsed.isPossible()) continue;
    const valid = parsed.isValid();
    push(m.index, m.index + value.length, 'international', valid ? 0.75 : 0.6, valid);
  }
  // A national number with a trunk zero ("020 8435 8803", "07783 841695") is not a US number: try GB.
  TRUNK_ZERO.lastIndex = 0;
  for (let m = TRUNK_ZERO.exec(view.text); m !== null; m = TRUNK_ZERO.exec(view.text)) {
    const n = m[0].replace(/\D/g, '').length;
    if ((n === 10 || n === 11) && validInGb(m[0])) push(m.index, m.index + m[0].length, 'national-gb', 0.7, true);
  }
  LOCAL7.lastIndex = 0;
  for (let m = LOCAL7.exec(view.text); m !== null; m = LOCAL7.exec(view.text)) push(m.index, m.index + m[0].length, 'local-seven-digits', 0.45);
}

function findVanity(conv: ConversationView, turn: TurnView, out: Candidate[]): void {
  const view = turn.normalized;
  VANITY.lastIndex = 0;
  for (let m = VANITY.exec(view.text); m !== null; m = VANITY.exec(view.text)) {
    const letters0 = m[2] as string;
    // Without the leading 1, only a number written in capitals ("800-FLOWERS") is taken for a vanity number.
    if (m[1] === undefined && letters0 !== letters0.toUpperCase()) continue;
    const words = letters0.split(/[ .-]/);
    // A spoken keypad group of a digit and letters ("four u") is one word, like a typed "4U".
    for (let i = 0; i + 1 < words.length; i++) {
      if (/^\d$/.test(words[i] as string) && /^\p{L}{1,3}$/u.test(words[i + 1] as string)) words.splice(i, 2, `${words[i]} ${words[i + 1]}`);
    }
    if (NOT_VANITY.has((words[0] as string).toLowerCase())) continue;
    // Keep words until the seven keypad digits are spelled; a word may run past them (at most ten letters).
    let letters = 0;
    let keep = 0;
    for (const w of words) {
      // A keypad group mixing a digit and letters ("FLIX-4U") is dialled like letters.
      if (/^\d+$/.test(w) || (keep === 0 && /^\d/.test(w))) break;
      if (letters >= VANITY_DIGITS || letters + w.length > VANITY_MAX_LETTERS || (keep > 0 && NOT_VANITY.has(w.toLowerCase()))) break;
      letters += w.length;
      keep += 1;
    }
    if (keep === 0 || letters < 4) continue;
    const kept = words.slice(0, keep).join(' ');
    const valueEnd = m.index + m[0].length - letters0.length + kept.length;
    const [start, end] = view.toOriginal(m.index, valueEnd);
    const ctx = numberContext(conv, turn.index, start, end);
    if (isNegative(ctx) && !isAbout(ctx, 'phone')) continue;
    out.push(candidate('PHONE', turn.index, start, end, 'vanity-toll-free', 0.65, { notes: ['vanity'] }));
  }
}
