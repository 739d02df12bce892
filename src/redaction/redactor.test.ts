import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRedactor } from './redactor.js';
import { OperatorError } from './operators/types.js';
import { PolicyError } from './policy.js';

const CALL = [
  { speaker: 'agent', text: "Thanks for calling. What's the card number?" },
  { speaker: 'customer', text: 'It is 4111 1111 1111 1111.' },
  { speaker: 'agent', text: 'And an email for the receipt?' },
  { speaker: 'customer', text: 'maria.gonzalez@example.com' },
];

describe('createRedactor', () => {
  it('redacts a conversation with the default policy ([TYPE])', async () => {
    const r = await createRedactor().redact(CALL);
    expect(r.turns[1]!.text).toBe('It is [CREDIT_CARD].');
    expect(r.turns[3]!.text).toBe('[EMAIL]');
    expect(r.turns[0]).toEqual(CALL[0]);
    expect(r.findings.map((f) => f.type)).toEqual(expect.arrayContaining(['CREDIT_CARD', 'EMAIL']));
  });

  it('redacts a text and detects without redacting', async () => {
    const redactor = createRedactor({ types: { EMAIL: { redact: false } } });
    expect((await redactor.redact('write to maria.gonzalez@example.com')).text).toBe('write to maria.gonzalez@example.com');
    expect(redactor.detect({ turns: CALL }).some((f) => f.type === 'EMAIL')).toBe(false);
  });

  it('masks a card to its last four (PCI DSS 3.4.1)', async () => {
    const redactor = createRedactor({ types: { CREDIT_CARD: { operator: { kind: 'mask', keepLast: 4 } } } });
    expect((await redactor.redact(CALL)).turns[1]!.text).toBe('It is **** **** **** 1111.');
  });

  it('refuses a bad policy or a missing key up front', () => {
    expect(() => createRedactor('{"types":{"SSN":{"operator":{"kind":"mask","char":""}}}}')).toThrow(PolicyError);
    expect(() => createRedactor({ defaults: { operator: { kind: 'hash' } } })).toThrow(OperatorError);
    expect(() => createRedactor({ types: { CREDIT_CARD: { operator: { kind: 'tokenize' } } } })).toThrow(OperatorError);
  });

  it('tokenizes through the vault callback', async () => {
    const stored: string[] = [];
    const redactor = createRedactor({ types: { CREDIT_CARD: { operator: { kind: 'tokenize' } } } }, {
      tokenize: async (value) => {
        stored.push(value.replace(/\D/g, ''));
        return 'tok_1';
      },
    });
    expect((await redactor.redact(CALL)).turns[1]!.text).toBe('It is tok_1.');
    expect(stored).toEqual(['4111111111111111']);
  });

  it('redacts a transcript file in its own format and gives the audio time spans', async () => {
    const content = readFileSync(new URL('./formats/fixtures/aws-channels.json', import.meta.url), 'utf8');
    const r = await createRedactor().redactDocument(content);
    expect(r.format).toBe('aws-transcribe');
    expect(r.output).not.toContain('4111');
    expect(r.timeSpans.find((s) => s.type === 'CREDIT_CARD')).toMatchObject({ channel: 1, precision: 'word' });
  });
});
