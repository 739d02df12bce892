import type { AppliedEdit } from '../operators/apply.js';
import type { EntityType, Turn } from '../types.js';

export const FORMAT_NAMES = ['text', 'conversation', 'chat', 'aws-transcribe', 'deepgram', 'webvtt', 'srt'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

/** A word with a time: offsets (UTF-16, end exclusive) in its turn's text, times in seconds. */
export interface TimedWord {
  start: number;
  end: number;
  startTime: number;
  endTime: number;
}

/** A turn as read from a file: text plus, where the format has them, channel, times and word timings. */
export interface DocumentTurn extends Turn {
  channel?: number;
  startTime?: number;
  endTime?: number;
  words?: TimedWord[];
}

/** A file read into turns; `write` gives the same format back with only the edited parts changed. */
export interface ParsedDocument {
  format: FormatName;
  turns: DocumentTurn[];
  write(edits: readonly AppliedEdit[]): string;
}

/** One format: recognises its content and reads it. */
export interface TranscriptFormat {
  name: FormatName;
  /** `json` is the parsed content when it is JSON (parsed once for every format). */
  sniff(content: string, json: unknown): boolean;
  read(content: string, json: unknown): ParsedDocument;
}

/** Audio to silence: a redacted word's time on its channel (seconds). */
export interface TimeSpan {
  channel: number;
  start: number;
  end: number;
  turn: number;
  type: EntityType;
  /** 'word' when word timings exist; 'cue' when only the caption/turn time is known (the whole cue). */
  precision: 'word' | 'cue';
}

/** Raised when a file does not parse as its format. Names the place, never the content. */
export class FormatError extends Error {
  override name = 'FormatError';
  readonly code = 'redaction.bad_format';
  constructor(
    readonly format: FormatName | 'unknown',
    readonly where: string,
    message: string,
  ) {
    super(`${format}: ${where}: ${message}`);
  }
}
