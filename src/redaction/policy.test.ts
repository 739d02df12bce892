import { describe, expect, it } from 'vitest';
import { DEFAULT_MIN_SCORE, defaultPolicy, parsePolicy, PolicyError, policyJsonSchema } from './policy.js';
import { ENTITY_TYPES } from './types.js';
import { readFileSync } from 'node:fs';

describe('parsePolicy', () => {
  it('defaults every type to redact with [TYPE]', () => {
    const p = parsePolicy('{}');
    for (const t of ENTITY_TYPES) expect(p.types[t]).toEqual({ redact: true, minScore: DEFAULT_MIN_SCORE, operator: { kind: 'replace' } });
    expect(defaultPolicy()).toEqual(p);
  });

  it('applies defaults, then per-type overrides', () => {
    const p = parsePolicy({
      defaults: { minScore: 0.5, operator: { kind: 'remove' } },
      types: { CREDIT_CARD: { operator: { kind: 'mask', keepFirst: 6, keepLast: 4 } }, PERSON: { redact: false } },
    });
    expect(p.types.CREDIT_CARD).toEqual({ redact: true, minScore: 0.5, operator: { kind: 'mask', keepFirst: 6, keepLast: 4 } });
    expect(p.types.PERSON.redact).toBe(false);
    expect(p.types.EMAIL.operator).toEqual({ kind: 'remove' });
  });

  it.each([
    ['not json', '{', '(root)'],
    ['unknown type', { types: { CARD: { redact: true } } }, 'types'],
    ['unknown field', { types: { SSN: { redcat: true } } }, 'types.SSN'],
    ['score out of range', { types: { SSN: { minScore: 2 } } }, 'types.SSN.minScore'],
    ['unknown operator', { types: { SSN: { operator: { kind: 'shred' } } } }, 'types.SSN.operator.kind'],
    ['mask char of two letters', { types: { SSN: { operator: { kind: 'mask', char: '**' } } } }, 'types.SSN.operator.char'],
    ['PCI: more than last 4', { types: { CREDIT_CARD: { operator: { kind: 'mask', keepLast: 5 } } } }, 'types.CREDIT_CARD.operator.keepLast'],
    ['PCI: more than first 6', { types: { CREDIT_CARD: { operator: { kind: 'mask', keepFirst: 8 } } } }, 'types.CREDIT_CARD.operator.keepFirst'],
    ['PCI through defaults', { defaults: { operator: { kind: 'mask', keepLast: 6 } } }, 'defaults.operator.keepLast'],
  ])('rejects %s naming the field', (_name, input, field) => {
    try {
      parsePolicy(input);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PolicyError);
      expect((e as PolicyError).field).toContain(field);
      expect((e as PolicyError).message).toContain(field);
    }
  });

  it('allows BIN + last four for cards (PCI DSS 3.4.1 maximum)', () => {
    expect(parsePolicy({ types: { CREDIT_CARD: { operator: { kind: 'mask', keepFirst: 6, keepLast: 4 } } } }).types.CREDIT_CARD.operator.kind).toBe('mask');
  });

  it('the published JSON Schema is up to date (regenerate: npx tsx scripts/redaction-schemas.ts)', () => {
    const published = JSON.parse(readFileSync(new URL('../../docs/policy.schema.json', import.meta.url), 'utf8'));
    const { $id: _id, title: _title, ...schema } = published;
    expect(schema).toEqual(policyJsonSchema());
  });
});
