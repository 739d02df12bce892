import type { Condition } from './definition.js';

/** One answer: yes/no → boolean, single choice/text/date → string, number → number, multiple choice → option values. */
export type AnswerValue = boolean | string | number | string[];
export type Answers = Readonly<Record<string, AnswerValue>>;

const DAY_MS = 86_400_000;

/** Questions a condition looks at (for the definition's reference checks). */
export function referencedQuestions(c: Condition): string[] {
  if ('all' in c) return c.all.flatMap(referencedQuestions);
  if ('any' in c) return c.any.flatMap(referencedQuestions);
  return [c.question];
}

/**
 * Whether `c` holds for `answers` (answers of hidden questions must already be left out). A leaf on
 * an unanswered question is false, except `answered: false`; `notEquals` needs an answer too, so a
 * follow-up never appears before the question it depends on is answered.
 * @example evaluate({ question: 'stores_card_data', equals: true }, { stores_card_data: true }, now) // true
 */
export function evaluate(c: Condition, answers: Answers, now: Date): boolean {
  if ('all' in c) return c.all.every((x) => evaluate(x, answers, now));
  if ('any' in c) return c.any.some((x) => evaluate(x, answers, now));
  const v = answers[c.question];
  if ('answered' in c) return (v !== undefined) === c.answered;
  if (v === undefined) return false;
  if ('equals' in c) return v === c.equals;
  if ('notEquals' in c) return v !== c.notEquals;
  if ('in' in c) return (typeof v === 'string' || typeof v === 'number') && c.in.includes(v);
  if ('includes' in c) return Array.isArray(v) && v.includes(c.includes);
  if ('excludes' in c) return Array.isArray(v) && !v.includes(c.excludes);
  if ('olderThanDays' in c) {
    const at = typeof v === 'string' ? Date.parse(`${v}T00:00:00Z`) : NaN;
    return Number.isFinite(at) && now.getTime() - at > c.olderThanDays * DAY_MS;
  }
  if (typeof v !== 'number') return false;
  return (c.lt === undefined || v < c.lt) && (c.lte === undefined || v <= c.lte) && (c.gt === undefined || v > c.gt) && (c.gte === undefined || v >= c.gte);
}
