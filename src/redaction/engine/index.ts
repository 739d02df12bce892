export { detectConversation, detectText, detectInView, CONTEXT_BOOST, FALLBACK_MIN_SCORE, type DetectOptions } from './detect.js';
export { resolveOverlaps, TYPE_PRIORITY } from './overlap.js';
export { runDetectors, type DetectorFailure } from './run-detectors.js';
