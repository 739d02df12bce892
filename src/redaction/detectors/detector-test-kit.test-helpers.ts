import { buildConversationView } from '../analysis/conversation.js';
import type { Detector } from '../types.js';

/**
 * Runs a detector on a conversation given as alternating agent/customer texts and returns what it
 * found as "turn:text" strings, for table-driven tests.
 */
export function spans(detector: Detector, ...texts: string[]): string[] {
  const turns = texts.map((text, i) => ({ speaker: i % 2 === 0 ? 'agent' : 'customer', text }));
  const view = buildConversationView(turns);
  return detector
    .detect(view)
    .sort((a, b) => a.turn - b.turn || a.start - b.start)
    .map((c) => `${c.turn}:${(texts[c.turn] as string).slice(c.start, c.end)}`);
}
