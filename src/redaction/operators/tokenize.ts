import { OperatorError, type Operator } from './types.js';

/**
 * Hands the value to the caller's TokenizeCallback (the vault) and writes the token it returns.
 * A split entity (a card dictated in chunks) is tokenized once, whole: the token goes where the
 * first piece was and later pieces become `[TYPE]`.
 */
export const tokenizeOperator: Operator<{ kind: 'tokenize' }> = {
  kind: 'tokenize',
  preservesCharacters: false,
  check(_config, ctx) {
    if (!ctx.tokenize) throw new OperatorError('the tokenize operator needs options.tokenize (the vault callback)');
  },
  apply(value, _config, target, ctx) {
    if (!ctx.tokenize) throw new OperatorError('the tokenize operator needs options.tokenize (the vault callback)');
    return ctx.tokenize(value, { type: target.type, turn: target.turn, ...(target.entityId ? { entityId: target.entityId } : {}) });
  },
  continuation(_output, _config, target) {
    return `[${target.type}]`;
  },
};
