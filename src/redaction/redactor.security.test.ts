import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from './redactor.js';
import type { Turn } from './types.js';

/** Luhn-valid 16-digit card numbers (ISO/IEC 7812-1 check digit). */
const cardNumber = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 15, maxLength: 15 }).map((digits) => {
  const body = [4, ...digits.slice(1)];
  const sum = body
    .slice()
    .reverse()
    .reduce((acc, d, i) => acc + (i % 2 === 0 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d), 0);
  return [...body, (10 - (sum % 10)) % 10].join('').replace(/(\d{4})(?=\d)/g, '$1 ');
});
const word = fc.constantFrom('okay', 'thanks', 'sure', 'the', 'order', 'bill', 'shipping', 'today', 'great', 'yes', 'please', 'account');
const filler = fc.array(word, { minLength: 0, maxLength: 6 }).map((w) => w.join(' '));
const email = fc
  .tuple(fc.stringMatching(/^[a-z]{3,8}$/), fc.stringMatching(/^[a-z]{3,8}$/), fc.constantFrom('gmail.com', 'example.org', 'outlook.com'))
  .map(([a, b, d]) => `${a}.${b}@${d}`);
const ip = fc.tuple(fc.integer({ min: 11, max: 223 }), fc.nat(255), fc.nat(255), fc.integer({ min: 1, max: 254 })).map((p) => p.join('.'));
const sensitive = fc.oneof(
  cardNumber.map((v) => ({ agent: "What's the card number?", say: `it's ${v}` })),
  email.map((v) => ({ agent: 'What email should we use?', say: `sure it's ${v}` })),
  ip.map((v) => ({ agent: 'Which IP address do you see?', say: `the ip is ${v}` })),
);
const conversation = fc.array(fc.tuple(sensitive, filler), { minLength: 1, maxLength: 4 }).map((parts) =>
  parts.flatMap(([s, f]): Turn[] => [
    { speaker: 'agent', text: s.agent },
    { speaker: 'customer', text: `${s.say} ${f}`.trim() },
  ]),
);

/**
 * The promise of redaction: whatever the engine detects is gone from the output, with every
 * operator that is meant to hide the value. (Recall - what it detects - is measured by npm run eval.)
 */
describe('redacted output never contains a detected value', () => {
  const policies = {
    replace: createRedactor(),
    mask: createRedactor({ defaults: { operator: { kind: 'mask', keepLast: 4 } }, types: { CREDIT_CARD: { operator: { kind: 'mask', keepFirst: 6, keepLast: 4 } } } }),
    hash: createRedactor({ defaults: { operator: { kind: 'hash' } } }, { hashKey: 'a-test-key-of-at-least-32-bytes!!' }),
    remove: createRedactor({ defaults: { operator: { kind: 'remove' } } }),
  };

  it.each(Object.entries(policies))('%s', async (_name, redactor) => {
    let detected = 0;
    await fc.assert(
      fc.asyncProperty(conversation, async (turns) => {
        const r = await redactor.redact(turns);
        const values = r.findings.map((f) => turns[f.turn]!.text.slice(f.start, f.end)).filter((v) => v.length >= 6);
        detected += values.length;
        const out = r.turns.map((t) => t.text).join('\n');
        for (const v of values) expect(out).not.toContain(v);
      }),
      { numRuns: 150, seed: 20260302 },
    );
    expect(detected).toBeGreaterThan(50); // the property was exercised, not vacuously true
  });
});
