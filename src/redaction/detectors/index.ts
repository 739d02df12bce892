import type { Detector } from '../types.js';

/**
 * Every detector, in the order they run (order does not change results: overlaps are settled by
 * the engine's one rule). One line per detector; a policy turning a type off skips its detectors.
 */
export const ALL_DETECTORS: readonly Detector[] = [
];
