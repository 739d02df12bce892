import type { AppliedEdit } from '../operators/apply.js';

/** Offsets in a string (UTF-16, end exclusive). */
export interface Range {
  start: number;
  end: number;
}

/** Words `first..last` of a word list are replaced by one word with `text` (the rest disappear). */
export interface WordRewrite {
  first: number;
  last: number;
  text: string;
}

/**
 * Finds each word in `text` in order (exact, then case-insensitive). Returns null when one is
 * missing: the caller then falls back to rebuilding the text from the words (fail closed).
 */
export function locateWords(text: string, words: readonly string[]): Range[] | null {
  const lower = text.toLowerCase();
  const out: Range[] = [];
  let cursor = 0;
  for (const w of words) {
    if (w.length === 0) {
      out.push({ start: cursor, end: cursor });
      continue;
    }
    let at = text.indexOf(w, cursor);
    if (at < 0) at = lower.indexOf(w.toLowerCase(), cursor);
    if (at < 0) return null;
    out.push({ start: at, end: at + w.length });
    cursor = at + w.length;
  }
  return out;
}

/** Applies edits (original offsets, any order, not overlapping) to one text, from the end. */
export function spliceEdits(text: string, edits: readonly Pick<AppliedEdit, 'start' | 'end' | 'replacement'>[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.replacement + out.slice(e.end);
  return out;
}

/**
 * Which words of a turn the edits touch, grouped into runs: each run becomes one word holding the
 * redacted text of its whole extent (so "four one one one" -> one word "[CREDIT_CARD]").
 */
export function wordRewrites(ranges: readonly Range[], edits: readonly AppliedEdit[], redacted: string): WordRewrite[] {
  const runs: { first: number; last: number; start: number; end: number }[] = [];
  for (const e of edits) {
    let first = -1;
    let last = -1;
    ranges.forEach((r, i) => {
      if (r.start < e.end && e.start < r.end) {
        if (first < 0) first = i;
        last = i;
      }
    });
    if (first < 0) continue;
    runs.push({ first, last, start: Math.min(e.start, ranges[first]!.start), end: Math.max(e.end, ranges[last]!.end) });
  }
  runs.sort((a, b) => a.first - b.first);
  const merged: typeof runs = [];
  for (const r of runs) {
    const prev = merged[merged.length - 1];
    if (prev && r.first <= prev.last) {
      prev.last = Math.max(prev.last, r.last);
      prev.end = Math.max(prev.end, r.end);
      prev.start = Math.min(prev.start, r.start);
    } else merged.push({ ...r });
  }
  return merged.map((r) => ({ first: r.first, last: r.last, text: redacted.slice(mapOffset(r.start, edits), mapOffset(r.end, edits)) }));
}

/** Maps an original offset outside every edit's interior to the redacted text. */
export function mapOffset(pos: number, edits: readonly AppliedEdit[]): number {
  let delta = 0;
  for (const e of edits) if (e.end <= pos) delta += e.replacement.length - (e.end - e.start);
  return pos + delta;
}

/**
 * Rewrites a string that contains the given words in order, replacing the extent of each rewritten
 * run. Returns null when the words cannot be found in it.
 */
export function rewriteWithWords(text: string, words: readonly string[], rewrites: readonly WordRewrite[]): string | null {
  if (rewrites.length === 0) return text;
  const ranges = locateWords(text, words);
  if (!ranges) return null;
  return spliceEdits(
    text,
    rewrites.map((r) => ({ start: ranges[r.first]!.start, end: ranges[r.last]!.end, replacement: r.text })),
  );
}

/** Applies rewrites to a word list: returns the new words (null = the word disappears). */
export function rewriteWordTexts(count: number, rewrites: readonly WordRewrite[]): (string | null | undefined)[] {
  const out: (string | null | undefined)[] = new Array(count).fill(undefined);
  for (const r of rewrites) {
    out[r.first] = r.text;
    for (let i = r.first + 1; i <= r.last; i++) out[i] = null;
  }
  return out;
}
