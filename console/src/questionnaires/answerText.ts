import type { AnswerValue, Question } from '../../../src/questionnaires/engine/index.js';

/** An answer as the vendor chose it: option labels rather than their ids, units after numbers. */
export function answerText(q: Question, a: AnswerValue | undefined): string {
  if (a === undefined || a === '' || (Array.isArray(a) && a.length === 0)) return 'Not answered';
  const label = (v: string) => q.options?.find((o) => o.value === v)?.label ?? v;
  if (typeof a === 'boolean') return a ? 'Yes' : 'No';
  if (Array.isArray(a)) return a.map(label).join('; ');
  if (typeof a === 'number') return q.unit ? `${a} ${q.unit}` : String(a);
  return q.type === 'single_choice' ? label(a) : a;
}
