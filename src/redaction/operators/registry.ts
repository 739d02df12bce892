import type { OperatorConfig } from '../types.js';
import { hashOperator } from './hash.js';
import { maskOperator } from './mask.js';
import { removeOperator } from './remove.js';
import { replaceOperator } from './replace.js';
import { tokenizeOperator } from './tokenize.js';
import type { Operator } from './types.js';

const OPERATORS = {
  replace: replaceOperator,
  mask: maskOperator,
  hash: hashOperator,
  remove: removeOperator,
  tokenize: tokenizeOperator,
} satisfies { [K in OperatorConfig['kind']]: Operator<Extract<OperatorConfig, { kind: K }>> };

/** The operator implementing a config. */
export function operatorFor(config: OperatorConfig): Operator {
  return OPERATORS[config.kind] as Operator;
}
