import type { AnswerValue, Answers } from './conditions.js';
import type { Definition, Question } from './definition.js';
import { questionsOf } from './parse.js';
import { visibleQuestions } from './visibility.js';

export type AnswerErrorCode = 'unknown_question' | 'wrong_type' | 'not_an_option' | 'out_of_range' | 'too_long' | 'hidden_question' | 'missing_required';
export interface AnswerError {
  questionId: string;
  code: AnswerErrorCode;
  /** For people; names the question id and the rule, never echoes the answer. */
  message: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DEFAULT_TEXT_MAX = 2000;

/**
 * Checks answers against the definition. A draft may leave questions open (`complete: false`); a
 * submission must answer every visible required question. Either way an unknown question, a value
 * of the wrong type or an answer to a hidden question is an error.
 * @example validateAnswers(def, { pci_compliant: 'yes' }, { complete: false, now }) // [{ questionId: 'pci_compliant', code: 'wrong_type', … }]
 */
export function validateAnswers(def: Definition, answers: Answers, opts: { complete: boolean; now: Date }): AnswerError[] {
  const byId = new Map(questionsOf(def).map((q) => [q.id, q]));
  const visible = visibleQuestions(def, answers, opts.now);
  const errors: AnswerError[] = [];
  for (const [id, value] of Object.entries(answers)) {
    const q = byId.get(id);
    if (!q) {
      errors.push({ questionId: id, code: 'unknown_question', message: `${id}: no such question in ${def.id} v${def.version}` });
      continue;
    }
    if (!visible.has(id)) {
      errors.push({ questionId: id, code: 'hidden_question', message: `${id}: this question is not asked given the earlier answers` });
      continue;
    }
    const problem = valueProblem(q, value);
    if (problem) errors.push({ questionId: id, ...problem });
  }
  if (opts.complete) {
    for (const q of questionsOf(def)) {
      if (q.required && visible.has(q.id) && answers[q.id] === undefined) errors.push({ questionId: q.id, code: 'missing_required', message: `${q.id}: an answer is required` });
    }
  }
  return errors;
}

function valueProblem(q: Question, v: AnswerValue): Omit<AnswerError, 'questionId'> | null {
  const wrong = (what: string) => ({ code: 'wrong_type' as const, message: `${q.id}: expected ${what}` });
  switch (q.type) {
    case 'yes_no':
      return typeof v === 'boolean' ? null : wrong('true or false');
    case 'single_choice':
      if (typeof v !== 'string') return wrong('one option value');
      return q.options?.some((o) => o.value === v) ? null : { code: 'not_an_option', message: `${q.id}: not one of the options` };
    case 'multiple_choice': {
      if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) return wrong('a list of option values');
      if (new Set(v).size !== v.length) return { code: 'wrong_type', message: `${q.id}: an option is listed twice` };
      return v.every((x) => q.options?.some((o) => o.value === x)) ? null : { code: 'not_an_option', message: `${q.id}: not every value is one of the options` };
    }
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v)) return wrong('a number');
      if (q.integer && !Number.isInteger(v)) return wrong('a whole number');
      if ((q.min !== undefined && v < q.min) || (q.max !== undefined && v > q.max)) return { code: 'out_of_range', message: `${q.id}: expected ${q.min ?? '−∞'} to ${q.max ?? '∞'}` };
      return null;
    case 'date':
      return typeof v === 'string' && DATE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v) ? null : wrong('a date (YYYY-MM-DD)');
    case 'text': {
      if (typeof v !== 'string' || v.trim().length === 0) return wrong('some text');
      const max = q.maxLength ?? DEFAULT_TEXT_MAX;
      return v.length > max ? { code: 'too_long', message: `${q.id}: at most ${max} characters` } : null;
    }
  }
}
