import { z } from 'zod';
import { editsByTurn, isObject, stringifyLike } from './json.js';
import { FormatError, type DocumentTurn, type TranscriptFormat } from './types.js';
import { locateWords, rewriteWordTexts, wordRewrites, type Range } from './words.js';

/** callvault's own conversation JSON (docs/conversation-format.md). Unknown fields are kept as they are. */
const wordSchema = z.looseObject({
  word: z.string().describe('The word as it appears in the turn text (found in order).'),
  start: z.number().min(0).describe('Seconds from the start of the recording.'),
  end: z.number().min(0),
});
const turnSchema = z.looseObject({
  speaker: z.string().optional().describe('`agent`, `customer` or another label.'),
  channel: z.number().int().min(0).optional().describe('Audio channel (0-based) for time spans.'),
  start: z.number().min(0).optional().describe('Seconds.'),
  end: z.number().min(0).optional(),
  text: z.string(),
  words: z.array(wordSchema).optional().describe('Word timings; each word must occur, in order, in `text`.'),
});
const turnsDocumentSchema = z.looseObject({
  format: z.literal('callvault.conversation').optional(),
  version: z.literal(1).optional(),
  id: z.union([z.string(), z.number()]).optional(),
  turns: z.array(turnSchema),
});
const textDocumentSchema = z.looseObject({ id: z.union([z.string(), z.number()]).optional(), text: z.string().describe('A single text (no turns).') });
export const conversationSchema = z.union([turnsDocumentSchema, textDocumentSchema]);

export function conversationJsonSchema(): unknown {
  return z.toJSONSchema(conversationSchema, { io: 'input' });
}

/** Reads a parsed conversation object (also one line of a JSONL archive) into turns. */
export function readConversationObject(json: unknown): { turns: DocumentTurn[]; write: (edits: Parameters<typeof editsByTurn>[1]) => unknown } {
  const hasTurns = isObject(json) && 'turns' in json;
  const parsed = (hasTurns ? turnsDocumentSchema : textDocumentSchema).safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new FormatError('conversation', issue.path.map(String).join('.') || '(root)', issue.message);
  }
  if (!hasTurns) {
    const single = parsed.data as z.infer<typeof textDocumentSchema>;
    return {
      turns: [{ text: single.text }],
      write: (edits) => ({ ...single, text: editsByTurn([single.text], edits).redacted[0] }),
    };
  }
  const doc = parsed.data as z.infer<typeof turnsDocumentSchema>;
  const wordRanges: (Range[] | undefined)[] = [];
  const turns = doc.turns.map((t, i): DocumentTurn => {
    let words: DocumentTurn['words'];
    if (t.words) {
      const ranges = locateWords(t.text, t.words.map((w) => w.word));
      if (!ranges) throw new FormatError('conversation', `turns.${i}.words`, 'a word does not occur (in order) in the turn text');
      wordRanges[i] = ranges;
      words = ranges.map((r, k) => ({ ...r, startTime: t.words![k]!.start, endTime: t.words![k]!.end }));
    }
    return {
      text: t.text,
      ...(t.speaker !== undefined ? { speaker: t.speaker } : {}),
      ...(t.channel !== undefined ? { channel: t.channel } : {}),
      ...(t.start !== undefined ? { startTime: t.start } : {}),
      ...(t.end !== undefined ? { endTime: t.end } : {}),
      ...(words ? { words } : {}),
    };
  });
  const write = (edits: Parameters<typeof editsByTurn>[1]) => {
    const per = editsByTurn(turns.map((t) => t.text), edits);
    return {
      ...doc,
      turns: doc.turns.map((t, i) => {
        if (per.edits[i]!.length === 0) return t;
        const out = { ...t, text: per.redacted[i]! };
        const ranges = wordRanges[i];
        if (ranges && t.words) {
          const rewrites = wordRewrites(ranges, per.edits[i]!, per.redacted[i]!);
          const texts = rewriteWordTexts(t.words.length, rewrites);
          const ends = new Map(rewrites.map((r) => [r.first, t.words![r.last]!.end]));
          out.words = t.words.flatMap((w, k) => (texts[k] === null ? [] : [texts[k] === undefined ? w : { ...w, word: texts[k]!, end: ends.get(k) ?? w.end }]));
        }
        return out;
      }),
    };
  };
  return { turns, write };
}

export const conversationFormat: TranscriptFormat = {
  name: 'conversation',
  sniff: (_content, json) => isObject(json) && (Array.isArray(json.turns) || typeof json.text === 'string'),
  read(content, json) {
    const { turns, write } = readConversationObject(json);
    return { format: 'conversation', turns, write: (edits) => stringifyLike(content, write(edits)) };
  },
};
