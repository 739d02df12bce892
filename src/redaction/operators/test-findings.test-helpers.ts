import type { EntityType, Finding } from '../types.js';

/** A finding over the first occurrence of `value` in `text` (tests only). */
export function findingOf(text: string, value: string, type: EntityType, extra: Partial<Finding> = {}): Finding {
  const start = text.indexOf(value);
  if (start < 0) throw new Error(`test value not in text`);
  return {
    type,
    start,
    end: start + value.length,
    turn: 0,
    score: 0.9,
    explanation: { detector: 'test', pattern: 'test', baseScore: 0.9, contextBoost: 0, finalScore: 0.9, notes: [] },
    ...extra,
  };
}
