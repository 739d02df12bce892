import type { AppliedEdit } from '../operators/apply.js';
import { editsByTurn } from './json.js';
import type { DocumentTurn } from './types.js';
import { wordRewrites, type Range, type WordRewrite } from './words.js';

/** A run of words that becomes one word: keyed by the first word; later keys disappear. */
export interface KeyedRewrites {
  /** first word key -> new text and the key of the run's last word (its end time is kept). */
  heads: Map<string, { text: string; lastKey: string }>;
  removed: Set<string>;
}

/**
 * Turns edits on turn text into rewrites of the words behind it, keyed by a stable word key (for
 * formats where the same word appears in several lists: channel words, utterances, segments).
 */
export function keyedRewrites(
  turns: readonly DocumentTurn[],
  wordKeys: readonly (readonly string[])[],
  ranges: readonly (readonly Range[])[],
  edits: readonly AppliedEdit[],
): KeyedRewrites {
  const per = editsByTurn(turns.map((t) => t.text), edits);
  const heads = new Map<string, { text: string; lastKey: string }>();
  const removed = new Set<string>();
  turns.forEach((_, i) => {
    if (per.edits[i]!.length === 0) return;
    const keys = wordKeys[i]!;
    for (const r of wordRewrites(ranges[i]!, per.edits[i]!, per.redacted[i]!)) {
      heads.set(keys[r.first]!, { text: r.text, lastKey: keys[r.last]! });
      for (let k = r.first + 1; k <= r.last; k++) removed.add(keys[k]!);
    }
  });
  return { heads, removed };
}

/** The rewrites of one word list, given each word's key. */
export function localRewrites(keys: readonly string[], rewrites: KeyedRewrites): WordRewrite[] {
  const out: WordRewrite[] = [];
  keys.forEach((key, i) => {
    const head = rewrites.heads.get(key);
    if (!head) return;
    let last = i;
    while (last + 1 < keys.length && rewrites.removed.has(keys[last + 1]!)) last++;
    out.push({ first: i, last, text: head.text });
  });
  return out;
}

/** Every word of a list that an edit touched (to decide whether a string around them must change). */
export function touches(keys: readonly string[], rewrites: KeyedRewrites): boolean {
  return keys.some((k) => rewrites.heads.has(k) || rewrites.removed.has(k));
}
