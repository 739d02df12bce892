import type { AppliedEdit, DocumentTurn } from '../redaction/index.js';
import { sentimentOf } from './sentiment.js';
import type { ReviewPart, ReviewTurn } from './types.js';

/**
 * The reviewer's view of a turn: visible text and typed redaction markers, from the original text
 * and the edits applied to it (sorted, non-overlapping, as the engine gives them).
 */
export function reviewParts(text: string, edits: readonly Pick<AppliedEdit, 'start' | 'end' | 'type' | 'replacement'>[]): ReviewPart[] {
  const parts: ReviewPart[] = [];
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    if (e.start > at) parts.push({ text: text.slice(at, e.start) });
    parts.push({ redacted: e.type, text: e.replacement });
    at = Math.max(at, e.end);
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}

const visible = (parts: readonly ReviewPart[]) => parts.map((p) => ('redacted' in p ? ' ' : p.text)).join('');

export function reviewTurns(turns: readonly DocumentTurn[], edits: readonly AppliedEdit[]): ReviewTurn[] {
  const byTurn = new Map<number, AppliedEdit[]>();
  for (const e of edits) byTurn.set(e.turn, [...(byTurn.get(e.turn) ?? []), e]);
  return turns.map((t, i) => {
    const parts = reviewParts(t.text, byTurn.get(i) ?? []);
    return {
      speaker: t.speaker ?? null,
      channel: t.channel ?? null,
      startTime: t.startTime ?? null,
      endTime: t.endTime ?? null,
      parts,
      // Scored on what the reviewer sees: the redacted values never reach the sentiment model.
      sentiment: sentimentOf(visible(parts)),
    };
  });
}
