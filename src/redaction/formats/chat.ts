import { editsByTurn, isObject, stringifyLike } from './json.js';
import { FormatError, type TranscriptFormat } from './types.js';

/**
 * Chat JSON: `{ "messages": [{ "sender": "customer", "text": "..." , ...}] }` (other fields kept).
 * One turn per message, the sender as speaker.
 */
export const chatFormat: TranscriptFormat = {
  name: 'chat',
  sniff: (_content, json) =>
    isObject(json) && Array.isArray(json.messages) && json.messages.every((m) => isObject(m) && typeof m.text === 'string'),
  read(content, json) {
    const messages = (json as { messages: Record<string, unknown>[] }).messages;
    const turns = messages.map((m, i) => {
      if (typeof m.text !== 'string') throw new FormatError('chat', `messages.${i}.text`, 'expected a string');
      return { text: m.text, ...(typeof m.sender === 'string' ? { speaker: m.sender } : {}) };
    });
    return {
      format: 'chat',
      turns,
      write(edits) {
        const { redacted } = editsByTurn(turns.map((t) => t.text), edits);
        return stringifyLike(content, { ...(json as object), messages: messages.map((m, i) => (redacted[i] === m.text ? m : { ...m, text: redacted[i] })) });
      },
    };
  },
};
