import type { AppliedEdit } from '../operators/apply.js';
import type { DocumentTurn, TimeSpan } from './types.js';

/**
 * The audio to silence for each redacted span: the words it touches (start of the first, end of
 * the last) on the turn's channel; where a format has no word timings (captions), the whole cue:
 * silencing too much is safer than leaking a digit.
 */
export function redactedTimeSpans(turns: readonly DocumentTurn[], edits: readonly AppliedEdit[]): TimeSpan[] {
  const spans: TimeSpan[] = [];
  for (const e of edits) {
    const turn = turns[e.turn];
    if (!turn) continue;
    const channel = turn.channel ?? 0;
    const touched = (turn.words ?? []).filter((w) => w.start < e.end && e.start < w.end);
    if (touched.length > 0) {
      spans.push({ channel, start: Math.min(...touched.map((w) => w.startTime)), end: Math.max(...touched.map((w) => w.endTime)), turn: e.turn, type: e.type, precision: 'word' });
    } else if (turn.startTime !== undefined && turn.endTime !== undefined) {
      spans.push({ channel, start: turn.startTime, end: turn.endTime, turn: e.turn, type: e.type, precision: 'cue' });
    }
  }
  return spans.sort((a, b) => a.channel - b.channel || a.start - b.start);
}
