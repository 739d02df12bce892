import { digitRuns } from '../analysis/digit-runs.js';
import { isNegative, numberContext } from '../analysis/subject.js';
import type { ConversationView, EntityType, Finding } from '../types.js';

/**
 * False starts: "It's 252... sorry, let me start again. 252-71-..." The abandoned beginning is
 * part of the value said right after the correction (usually its first digits, sometimes with a
 * slip), so it gets that value's type. Found per turn: an uncovered digit run, then a restart cue,
 * then a numeric finding within a short distance. Only the words carrying digits are redacted.
 */
const NUMERIC: ReadonlySet<EntityType> = new Set(['CREDIT_CARD', 'SSN', 'PHONE', 'BANK_ACCOUNT', 'ROUTING_NUMBER', 'IBAN', 'DATE_OF_BIRTH', 'CARD_CVV', 'CARD_EXPIRY']);
/** Cheap substring prefilter (most turns have none of these). */
const CUE_WORDS = ['sorry', 'start', 'scratch', 'mean', 'wait', 'oops', 'correction', 'let me', 'again'];
/** Between the abandoned digits and the value: a correction and little else. */
const RESTART = /^[\s.,;:!?…-]*(?:(?:uh|um|oh|no|oops|wait|sorry|my bad|hang on)[\s.,!…-]*)*(?:sorry|let me (?:start|say it|try) (?:again|over)|start(?:ing)? (?:again|over)|scratch that|i mean|no wait|correction|again)\b[^\d]{0,40}$/;
const MAX_GAP = 60;

export function falseStarts(conv: ConversationView, findings: readonly Finding[]): Finding[] {
  const byTurn = new Map<number, Finding[]>();
  for (const f of findings) {
    if (!NUMERIC.has(f.type)) continue;
    const list = byTurn.get(f.turn);
    if (list) list.push(f);
    else byTurn.set(f.turn, [f]);
  }
  const out: Finding[] = [];
  for (const [index, list] of byTurn) {
    const turn = conv.turns[index]?.index === index ? conv.turns[index] : conv.turns.find((t) => t.index === index);
    if (turn === undefined || !CUE_WORDS.some((w) => turn.lower.includes(w))) continue;
    const all = findings.filter((f) => f.turn === index);
    for (const run of digitRuns(turn)) {
      if (all.some((f) => f.start < run.end && run.start < f.end)) continue;
      const next = list.filter((f) => f.start >= run.end && f.start - run.end <= MAX_GAP).sort((a, b) => a.start - b.start)[0];
      if (next === undefined || !RESTART.test(turn.lower.slice(run.end, next.start))) continue;
      // "the total is 45, sorry, my card is ...": an amount or a named reference is not a false start.
      if (isNegative(numberContext(conv, index, run.start, run.end))) continue;
      const score = Math.round(next.score * 90) / 100;
      out.push({
        type: next.type,
        start: run.start,
        end: run.end,
        turn: index,
        score,
        explanation: { detector: 'false-start', pattern: 'false-start', baseScore: score, contextBoost: 0, finalScore: score, notes: ['false-start', `restarted-as-${next.explanation.detector}`] },
        ...(next.entityId === undefined ? {} : { entityId: next.entityId }),
      });
    }
  }
  return out;
}
