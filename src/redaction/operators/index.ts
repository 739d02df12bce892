export { applyOperators, applyOperatorsToTurns, checkOperators, selectFindings, settleOverlaps } from './apply.js';
export type { AppliedEdit, TurnsRedaction } from './apply.js';
export { maskValue } from './mask.js';
export { pseudonym, MIN_HASH_KEY_BYTES } from './hash.js';
export { operatorFor } from './registry.js';
export { OperatorError, PIECE_SEPARATOR } from './types.js';
export type { HashKeyProvider, Operator, OperatorContext, OperatorTarget, TokenizeCallback, TokenizeRequest } from './types.js';
