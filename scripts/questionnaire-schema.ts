// Writes the questionnaire definition's published JSON Schema (docs/) from its zod source.
import { writeFileSync } from 'node:fs';
import { definitionJsonSchema } from '../src/questionnaires/engine/json-schema.js';

const schema = { $id: 'https://callvault.dev/schemas/questionnaire.schema.json', title: 'callvault questionnaire definition', ...(definitionJsonSchema() as object) };
writeFileSync(new URL('../docs/questionnaire.schema.json', import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
