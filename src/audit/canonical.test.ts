import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalEventBytes, canonicalEventObject, canonicalJson, type ChainedEvent } from './canonical.js';

describe('canonical event bytes', () => {
  it('sorts keys at every level and ignores insertion order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 0, y: null }], c: 'x' } })).toBe('{"a":{"c":"x","d":[1,{"y":null,"z":0}]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
  });

  it('the fast event serialiser gives exactly the canonical JSON of the event object', () => {
    const text = fc.string({ unit: 'binary' });
    const event = fc.record({
      chainId: text,
      seq: fc.integer({ min: 1, max: 2 ** 40 }),
      at: fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true }),
      brandId: fc.option(text),
      actor: fc.record({ kind: fc.constantFrom('user' as const, 'api_key' as const, 'system' as const), id: text }),
      action: text,
      target: fc.option(fc.record({ type: text, id: text })),
      outcome: fc.constantFrom('success' as const, 'failure' as const, 'denied' as const),
      ip: fc.option(text),
      userAgent: fc.option(text),
      requestId: fc.option(text),
      details: fc.dictionary(text, fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null))),
      prevHash: fc.uint8Array({ minLength: 32, maxLength: 32 }).map((a) => Buffer.from(a)),
    });
    fc.assert(
      fc.property(event, (e) => {
        const ev = e as ChainedEvent;
        expect(canonicalEventBytes(ev).toString('utf8')).toBe(canonicalJson(canonicalEventObject(ev)));
      }),
    );
  });
});
