import { linesWithOffsets, SPEAKER_PREFIX, spliceSource } from './splice.js';
import { FormatError, type DocumentTurn, type FormatName, type ParsedDocument } from './types.js';

const TIMING = /^\s*((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})\s+-->\s+((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})/;
/** WebVTT voice span: `<v Speaker>text` (W3C WebVTT §4.2.2). */
const VOICE = /^<v(?:\.[\w.-]+)?\s+([^>]+)>/;

/** "01:02:03.500" or "02:03,5" -> seconds. */
export function parseTimestamp(value: string): number {
  const parts = value.replace(',', '.').split(':').map(Number);
  return parts.reduce((acc, p) => acc * 60 + p, 0);
}

/**
 * Reads WebVTT or SRT cues: one turn per cue, over the cue's text lines (as they sit in the file,
 * so a write changes only redacted characters). The speaker comes from a WebVTT voice tag or a
 * "Name:" prefix. Times are the cue's: no word timings, so time spans cover the whole cue.
 */
export function readCaptions(format: FormatName, content: string): ParsedDocument {
  const lines = linesWithOffsets(content);
  const turns: DocumentTurn[] = [];
  const offsets: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const timing = TIMING.exec(lines[i]!.text);
    if (!timing) continue;
    let last = i;
    while (last + 1 < lines.length && lines[last + 1]!.text.trim() !== '') last++;
    if (last === i) continue; // a cue with no text
    const first = lines[i + 1]!;
    const endLine = lines[last]!;
    let start = first.start;
    let text = content.slice(start, endLine.start + endLine.text.length);
    let speaker: string | undefined;
    const voice = format === 'webvtt' ? VOICE.exec(text) : null;
    const prefix = voice ?? SPEAKER_PREFIX.exec(text);
    if (prefix) {
      speaker = prefix[1]!.trim();
      start += prefix[0].length;
      text = text.slice(prefix[0].length);
      if (voice && text.endsWith('</v>')) text = text.slice(0, -4);
    }
    const startTime = parseTimestamp(timing[1]!);
    const endTime = parseTimestamp(timing[2]!);
    if (!(endTime >= startTime)) throw new FormatError(format, `line ${i + 1}`, 'cue ends before it starts');
    turns.push({ ...(speaker ? { speaker } : {}), text, channel: 0, startTime, endTime });
    offsets.push(start);
    i = last;
  }
  return { format, turns, write: (edits) => spliceSource(content, offsets, edits) };
}
