import type { Operator } from './types.js';

/** Replaces the value with a template, default `[TYPE]` (`{type}` stands for the entity type). */
export const replaceOperator: Operator<{ kind: 'replace'; template?: string }> = {
  kind: 'replace',
  preservesCharacters: false,
  apply(_value, config, target) {
    return (config.template ?? '[{type}]').replaceAll('{type}', target.type);
  },
};
