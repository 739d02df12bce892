export { tokenize } from './tokenizer.js';
export { buildNormalizedView } from './normalize.js';
export { buildConversationView, buildTurnView } from './conversation.js';
export { parseNumberRun, isNumberWord, DIGIT_WORDS, TEEN_WORDS, TENS_WORDS, ORDINAL_WORDS, type NumberGroup } from './number-words.js';
export { CONTEXT_WINDOW, hasContext, hasContextAfter, hasContextBefore, isInterjection, previousOtherTurn } from './context.js';
export { digitRuns, mayHoldNumber, type DigitRun } from './digit-runs.js';
export { numberContext, isAbout, isNegative, askedIn, type Subject, type NumberContext } from './subject.js';
export { continuation, type DictatedPiece } from './dictation.js';
