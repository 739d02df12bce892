// Writes the redaction engine's published JSON Schemas (docs/) from their zod sources.
import { writeFileSync } from 'node:fs';
import { policyJsonSchema } from '../src/redaction/policy.js';
import { conversationJsonSchema } from '../src/redaction/formats/conversation.js';

const write = (file: string, schema: unknown) => writeFileSync(new URL(`../docs/${file}`, import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
write('policy.schema.json', { $id: 'https://callvault.dev/schemas/policy.schema.json', title: 'callvault redaction policy', ...(policyJsonSchema() as object) });
write('conversation.schema.json', { $id: 'https://callvault.dev/schemas/conversation.schema.json', title: 'callvault conversation', ...(conversationJsonSchema() as object) });
