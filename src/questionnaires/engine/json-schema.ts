import { z } from 'zod';
import { definitionShape } from './definition.js';

/** The published JSON Schema of a definition (docs/questionnaire.schema.json), from its zod source. */
export function definitionJsonSchema(): unknown {
  return z.toJSONSchema(definitionShape, { io: 'input' });
}
