import { describe, expect, it } from 'vitest';
import { defaultPolicy, parsePolicy } from '../policy.js';
import { applyOperators, applyOperatorsToTurns, settleOverlaps } from './apply.js';
import { pseudonym } from './hash.js';
import { maskValue } from './mask.js';
import { OperatorError } from './types.js';
import { findingOf } from './test-findings.test-helpers.js';

const KEY = 'k'.repeat(32);
const CARD = '4111 1111 1111 1111';

describe('maskValue', () => {
  it.each([
    ['4111 1111 1111 1111', 0, 4, '**** **** **** 1111'],
    ['4111-1111-1111-1111', 6, 4, '4111-11**-****-1111'],
    ['4821', 0, 4, '****'], // too short to show anything: fail closed
    ['john@x.com', 0, 0, '****@*.***'],
  ])('%s first %i last %i', (value, first, last, expected) => {
    expect(maskValue(value, '*', first, last)).toBe(expected);
  });
});

describe('operators', () => {
  const text = `my card is ${CARD} and my email is ann@example.com`;
  const findings = [findingOf(text, CARD, 'CREDIT_CARD'), findingOf(text, 'ann@example.com', 'EMAIL')];

  it('replace (default) applies from the end so offsets stay valid', async () => {
    const r = await applyOperators(text, findings, defaultPolicy());
    expect(r.text).toBe('my card is [CREDIT_CARD] and my email is [EMAIL]');
    expect(r.edits.map((e) => [e.type, e.start, e.end, e.replacement])).toEqual([
      ['CREDIT_CARD', 11, 30, '[CREDIT_CARD]'],
      ['EMAIL', 47, 62, '[EMAIL]'],
    ]);
  });

  it('replace with a template, mask, remove', async () => {
    const policy = parsePolicy({
      types: { CREDIT_CARD: { operator: { kind: 'mask', keepLast: 4, char: '#' } }, EMAIL: { operator: { kind: 'remove' } } },
      defaults: { operator: { kind: 'replace', template: '<{type}>' } },
    });
    expect((await applyOperators(text, findings, policy)).text).toBe('my card is #### #### #### 1111 and my email is ');
    const r = await applyOperators('call 555-0100', [findingOf('call 555-0100', '555-0100', 'PHONE')], policy);
    expect(r.text).toBe('call <PHONE>');
  });

  it('hash gives stable keyed pseudonyms, different per key and per value', async () => {
    const policy = parsePolicy({ defaults: { operator: { kind: 'hash', keyId: 'brand-1' } } });
    const keys: Record<string, string> = { 'brand-1': KEY, 'brand-2': 'z'.repeat(32) };
    const run = (t: string, v: string, key = 'brand-1') =>
      applyOperators(t, [findingOf(t, v, 'PERSON')], policy, { hashKey: () => keys[key]! }).then((r) => r.text);
    const a = await run('this is John', 'John');
    expect(a).toMatch(/^this is \[PERSON-[0-9a-f]{16}\]$/);
    expect(await run('john here', 'john')).toBe(`${a.slice(8)} here`);
    expect(await run('this is John', 'John', 'brand-2')).not.toBe(a);
    expect(await run('this is Joan', 'Joan')).not.toBe(a);
    expect(pseudonym(Buffer.from(KEY), 'PERSON', 'John')).toBe(a.slice(8));
  });

  it('hash refuses to run without a key or with a short one', async () => {
    const policy = parsePolicy({ defaults: { operator: { kind: 'hash' } } });
    const t = 'this is John';
    await expect(applyOperators(t, [findingOf(t, 'John', 'PERSON')], policy)).rejects.toBeInstanceOf(OperatorError);
    await expect(applyOperators(t, [findingOf(t, 'John', 'PERSON')], policy, { hashKey: () => 'short' })).rejects.toThrow(/32 bytes/);
  });

  it('tokenize goes through the callback; a split card is tokenized once, whole', async () => {
    const policy = parsePolicy({ types: { CREDIT_CARD: { operator: { kind: 'tokenize' } } } });
    const seen: string[] = [];
    const tokenize = async (value: string) => {
      seen.push(value);
      return `tok_${seen.length}`;
    };
    const turns = ['4111 1111', 'okay', '1111 1111'];
    const pieces = [
      { ...findingOf(turns[0]!, '4111 1111', 'CREDIT_CARD'), entityId: 'e1' },
      { ...findingOf(turns[2]!, '1111 1111', 'CREDIT_CARD'), entityId: 'e1', turn: 2 },
    ];
    const r = await applyOperatorsToTurns(turns, pieces, policy, { tokenize });
    expect(seen).toEqual(['4111 1111 1111 1111']);
    expect(r.texts).toEqual(['tok_1', 'okay', '[CREDIT_CARD]']);
  });

  it('masks a split card as one number: only its last four stay visible', async () => {
    const policy = parsePolicy({ types: { CREDIT_CARD: { operator: { kind: 'mask', keepLast: 4 } } } });
    const turns = ['4111 1111', 'mm-hmm', '1111 1234'];
    const pieces = [
      { ...findingOf(turns[0]!, '4111 1111', 'CREDIT_CARD'), entityId: 'e1' },
      { ...findingOf(turns[2]!, '1111 1234', 'CREDIT_CARD'), entityId: 'e1', turn: 2 },
    ];
    expect((await applyOperatorsToTurns(turns, pieces, policy)).texts).toEqual(['**** ****', 'mm-hmm', '**** 1234']);
  });

  it('drops types the policy does not redact and findings under the minimum score', async () => {
    const policy = parsePolicy({ types: { EMAIL: { redact: false }, CREDIT_CARD: { minScore: 0.95 } } });
    expect((await applyOperators(text, findings, policy)).text).toBe(text);
  });

  it('rejects a finding outside its text', async () => {
    await expect(applyOperators('short', [{ ...findingOf('short', 'short', 'PERSON'), end: 99 }], defaultPolicy())).rejects.toThrow(RangeError);
  });
});

describe('settleOverlaps', () => {
  it('merges overlapping findings into their union, named by the highest score', () => {
    const t = '42 Main St, Springfield 62704';
    const addr = findingOf(t, '42 Main St, Springfield', 'ADDRESS', { score: 0.8 });
    const zip = findingOf(t, 'Springfield 62704', 'POSTAL_CODE', { score: 0.6 });
    expect(settleOverlaps([zip, addr])).toMatchObject([{ type: 'ADDRESS', start: 0, end: t.length }]);
  });

  it('keeps touching spans apart', () => {
    const t = 'ab';
    expect(settleOverlaps([findingOf(t, 'a', 'PERSON'), findingOf(t, 'b', 'PERSON')])).toHaveLength(2);
  });
});

describe('mask on a dictated number', () => {
  it('masks a card said in words whole, since letters of digit words are not digits', async () => {
    const policy = parsePolicy({ types: { CREDIT_CARD: { operator: { kind: 'mask', keepLast: 4 } } } });
    const spoken = 'four one one one one one one one one one one one one one one one';
    const text = `it is ${spoken}`;
    const r = await applyOperators(text, [findingOf(text, spoken, 'CREDIT_CARD')], policy);
    expect(r.text).toBe(`it is ${spoken.replace(/[a-z]/g, '*')}`);
  });

  it('still keeps the last four of a typed card', async () => {
    const policy = parsePolicy({ types: { CREDIT_CARD: { operator: { kind: 'mask', keepLast: 4 } } } });
    const text = `it is ${CARD}`;
    const r = await applyOperators(text, [findingOf(text, CARD, 'CREDIT_CARD')], policy);
    expect(r.text).toBe('it is **** **** **** 1111');
  });
});
