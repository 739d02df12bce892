import { awsTranscribeFormat } from './aws-transcribe.js';
import { chatFormat } from './chat.js';
import { conversationFormat } from './conversation.js';
import { deepgramFormat } from './deepgram.js';
import { plainTextFormat } from './plain.js';
import { srtFormat } from './srt.js';
import { FormatError, type FormatName, type ParsedDocument, type TranscriptFormat } from './types.js';
import { webvttFormat } from './webvtt.js';

/** Most specific first; plain text accepts anything and comes last. */
export const FORMATS: readonly TranscriptFormat[] = [awsTranscribeFormat, deepgramFormat, chatFormat, conversationFormat, webvttFormat, srtFormat, plainTextFormat];

function parseJson(content: string): unknown {
  const head = content.trimStart()[0];
  if (head !== '{' && head !== '[') return undefined;
  try {
    return JSON.parse(content);
  } catch {
    return undefined;
  }
}

/**
 * Recognises a transcript's format from its content (JSON shape, WEBVTT header, SRT timing).
 * @example detectFormat('WEBVTT\n\n00:01.000 --> 00:02.000\nhello') === 'webvtt'
 */
export function detectFormat(content: string): FormatName {
  const json = parseJson(content);
  return FORMATS.find((f) => f.sniff(content, json))!.name;
}

/** Reads a transcript in the given format, or the detected one. */
export function readDocument(content: string, format?: FormatName): ParsedDocument {
  const json = parseJson(content);
  const chosen = format ? FORMATS.find((f) => f.name === format) : FORMATS.find((f) => f.sniff(content, json));
  if (!chosen) throw new FormatError('unknown', '(root)', `unknown format ${format}`);
  const isJson = chosen.name !== 'text' && chosen.name !== 'webvtt' && chosen.name !== 'srt';
  if (isJson && json === undefined) throw new FormatError(chosen.name, '(root)', 'not valid JSON');
  if (format && !chosen.sniff(content, json)) throw new FormatError(chosen.name, '(root)', 'the content does not look like this format');
  return chosen.read(content, json);
}
