import type { TurnView } from '../types.js';

/**
 * Per-turn memo for analyses detectors share (digit runs, keyword hits, number contexts). Stored
 * under a symbol on the turn object itself: a WeakMap per analysis costs far more on this hot path
 * (ephemeron bookkeeping in every GC). A frozen turn object falls back to a WeakMap.
 */
const SLOT = Symbol('callvault.redaction.turnCache');
const fallback = new WeakMap<TurnView, Record<string, unknown>>();

export function turnCache(turn: TurnView): Record<string, unknown> {
  const holder = turn as unknown as { [SLOT]?: Record<string, unknown> };
  const own = holder[SLOT];
  if (own !== undefined) return own;
  if (Object.isExtensible(turn)) {
    const created: Record<string, unknown> = {};
    holder[SLOT] = created;
    return created;
  }
  let memo = fallback.get(turn);
  if (memo === undefined) {
    memo = {};
    fallback.set(turn, memo);
  }
  return memo;
}
