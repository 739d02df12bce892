import { describe, expect, it } from 'vitest';
import { typoKeywords } from './typos.js';

describe('typoKeywords', () => {
  it.each([
    ['accunt number', 'account'],
    ['acocunt', 'account'],
    ['routig', 'routing'],
    ['expiation date', 'expiry'],
    ['my socail is', 'ssn'],
    ['secuirty code', 'cvv'],
  ])('reads %s as %s', (text, subject) => {
    expect(typoKeywords(text).map((h) => h.subject)).toEqual([subject]);
  });

  it.each([['express shipping'], ['my routine'], ['a debt of 5000'], ['accounts'], ['the account']])('leaves real words alone: %s', (text) => {
    expect(typoKeywords(text)).toEqual([]);
  });
});
