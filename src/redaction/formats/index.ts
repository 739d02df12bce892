export { detectFormat, readDocument, FORMATS } from './detect.js';
export { redactedTimeSpans } from './timespans.js';
export { readConversationObject, conversationJsonSchema } from './conversation.js';
export { FORMAT_NAMES, FormatError } from './types.js';
export type { DocumentTurn, FormatName, ParsedDocument, TimedWord, TimeSpan, TranscriptFormat } from './types.js';
