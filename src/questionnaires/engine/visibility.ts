import { evaluate, type Answers } from './conditions.js';
import type { Definition } from './definition.js';
import { questionsOf } from './parse.js';

/**
 * Ids of the questions shown for these answers, in order. One pass is enough because a condition
 * only looks at earlier questions; the answer of a hidden question counts as no answer, so a
 * follow-up of a hidden follow-up is hidden too.
 * @example visibleQuestions(def, { stores_card_data: true }, now).has('card_data_encryption') // true
 */
export function visibleQuestions(def: Definition, answers: Answers, now: Date): Set<string> {
  const visible = new Set<string>();
  const effective: Record<string, Answers[string]> = {};
  for (const q of questionsOf(def)) {
    if (q.showIf && !evaluate(q.showIf, effective, now)) continue;
    visible.add(q.id);
    const a = answers[q.id];
    if (a !== undefined) effective[q.id] = a;
  }
  return visible;
}

/** The answers without those of hidden questions (what a form keeps after an earlier answer changes). */
export function pruneHidden(def: Definition, answers: Answers, now: Date): Record<string, Answers[string]> {
  const visible = visibleQuestions(def, answers, now);
  return Object.fromEntries(Object.entries(answers).filter(([id]) => visible.has(id)));
}
