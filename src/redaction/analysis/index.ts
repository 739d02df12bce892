export { tokenize } from './tokenizer.js';
export { buildNormalizedView } from './normalize.js';
export { buildConversationView, buildTurnView } from './conversation.js';
export { parseNumberRun, isNumberWord, DIGIT_WORDS, TEEN_WORDS, TENS_WORDS, ORDINAL_WORDS, type NumberGroup } from './number-words.js';
export { CONTEXT_WINDOW, hasContext, hasContextAfter, hasContextBefore, isInterjection, previousOtherTurn } from './context.js';
