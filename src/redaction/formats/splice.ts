import type { AppliedEdit } from '../operators/apply.js';
import { spliceEdits } from './words.js';

/**
 * For text formats whose turns are slices of the file (plain text, WebVTT, SRT): applies the edits
 * at their absolute place in the file, so everything else stays byte for byte.
 */
export function spliceSource(content: string, turnOffsets: readonly number[], edits: readonly AppliedEdit[]): string {
  return spliceEdits(
    content,
    edits.map((e) => {
      const base = turnOffsets[e.turn];
      if (base === undefined) throw new RangeError(`edit for unknown turn ${e.turn}`);
      return { start: base + e.start, end: base + e.end, replacement: e.replacement };
    }),
  );
}

/** Lines of a text with their offsets (handles \n and \r\n; the line text excludes the break). */
export function linesWithOffsets(content: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let start = 0;
  while (start <= content.length) {
    let end = content.indexOf('\n', start);
    if (end < 0) end = content.length;
    const text = content.slice(start, end);
    out.push({ text: text.endsWith('\r') ? text.slice(0, -1) : text, start });
    start = end + 1;
  }
  return out;
}

/** "Agent: hello" -> speaker "Agent", text starts after ": ". Short labels only, so prose is not split. */
export const SPEAKER_PREFIX = /^\s*([A-Za-z][\w .'-]{0,30}?)\s*:[ \t]+/;
