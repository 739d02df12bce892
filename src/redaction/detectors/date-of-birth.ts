import { digitRuns } from '../analysis/digit-runs.js';
import { isAbout, mentions, numberContext } from '../analysis/subject.js';
import type { Candidate, ConversationView, Detector } from '../types.js';
import { candidate } from './candidate.js';

/**
 * Dates of birth, and only those: a date is a birth date when "born", "date of birth", "DOB" or
 * "birthday" precedes it or the question asked for it. Delivery, appointment and billing dates
 * stay visible (over-redaction makes a call unreadable for QA). Forms: 04/01/1985, 04-01-1985,
 * October 13th, 1961, 5th of September 1966, 30 September 1941, and dictated digits ("ten six
 * ninety two" -> "10692").
 */
const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const ORD = '(?:st|nd|rd|th)?';
const PATTERNS: ReadonlyArray<[string, RegExp]> = [
  ['numeric-date', /(?<![\p{L}\p{N}])\d{1,2}[\/.-]\d{1,2}[\/.-](?:\d{4}|\d{2})(?![\p{L}\p{N}])/gu],
  ['iso-date', /(?<![\p{L}\p{N}])(?:19|20)\d{2}-\d{1,2}-\d{1,2}(?![\p{L}\p{N}])/gu],
  ['month-day-year', new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${MONTHS})\.? (?:the )?\d{1,2}${ORD},? (?:of )?(?:\d{4}|\d{2})(?![\p{L}\p{N}])`, 'giu')],
  ['day-month-year', new RegExp(String.raw`(?<![\p{L}\p{N}])(?:the )?\d{1,2}${ORD} (?:of )?(?:${MONTHS})\.?,? (?:\d{4}|\d{2})(?![\p{L}\p{N}])`, 'giu')],
  ['month-year', new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${MONTHS})\.?,? (?:of )?(?:19|20)\d{2}(?![\p{L}\p{N}])`, 'giu')],
  // Dictated day and year run together in the normalized text: "february twenty six nineteen sixty two" -> "february 261962".
  ['month-dictated', new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${MONTHS})\.? (?:the )?\d{3,8}(?![\p{L}\p{N}])`, 'giu')],
  ['month-day', new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${MONTHS})\.? (?:the )?\d{1,2}${ORD}(?![\p{L}\p{N}])`, 'giu')],
];

/** What every pattern above needs somewhere in the text (same flags, so the same case folding). */
const NUMERIC_HINT = /\d[\/.-]\d/u;
const MONTH_HINT = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/iu;

export const dateOfBirthDetector: Detector = {
  name: 'date-of-birth',
  types: ['DATE_OF_BIRTH'],
  detect(conv: ConversationView): Candidate[] {
    const out: Candidate[] = [];
    if (!mentions(conv, 'dob')) return out;
    for (const turn of conv.turns) {
      const runs = digitRuns(turn);
      if (runs.length === 0) continue;
      const view = turn.normalized;
      const covered: Array<[number, number]> = [];
      // Prefilter (speed only): a numeric date needs a separator between digits, the others a month.
      const numeric = NUMERIC_HINT.test(view.text);
      const month = MONTH_HINT.test(view.text);
      for (const [name, re] of PATTERNS) {
        if (!(name === 'numeric-date' || name === 'iso-date' ? numeric : month)) continue;
        re.lastIndex = 0;
        for (let m = re.exec(view.text); m !== null; m = re.exec(view.text)) {
          let s = m.index;
          let value = m[0];
          if (value.toLowerCase().startsWith('the ')) {
            s += 4;
            value = value.slice(4);
          }
          const [start, end] = view.toOriginal(s, s + value.length);
          if (covered.some(([a, b]) => a <= start && end <= b)) continue;
          if (!isAbout(numberContext(conv, turn.index, start, end, 80), 'dob')) continue;
          covered.push([start, end]);
          out.push(candidate('DATE_OF_BIRTH', turn.index, start, end, name, 0.6, { contextBoost: 0.3 }));
        }
      }
      // Dictated digits: "ten six ninety two", "twelve two sixty seven", or a birth year.
      for (const run of runs) {
        if (covered.some(([a, b]) => a <= run.start && run.end <= b)) continue;
        const len = run.digits.length;
        if (len < 4 || len > 8) continue;
        const ctx = numberContext(conv, turn.index, run.start, run.end, 80);
        if (!isAbout(ctx, 'dob') || ctx.amountLike) continue;
        if (len === 4 && !/^(?:19|20)\d{2}$/.test(run.digits) && run.groups.length === 1 && view.text.slice(run.nStart, run.nEnd) === turn.text.slice(run.start, run.end)) continue;
        out.push(candidate('DATE_OF_BIRTH', turn.index, run.start, run.end, 'dictated-digits', 0.55, { contextBoost: 0.3 }));
      }
    }
    return out;
  },
};
