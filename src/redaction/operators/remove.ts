import type { Operator } from './types.js';

/** Removes the value entirely. */
export const removeOperator: Operator<{ kind: 'remove' }> = {
  kind: 'remove',
  preservesCharacters: false,
  apply() {
    return '';
  },
  continuation() {
    return '';
  },
};
