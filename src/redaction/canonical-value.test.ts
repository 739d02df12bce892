import { describe, expect, it } from 'vitest';
import { canonicalValue } from './canonical-value.js';
import type { EntityType } from './types.js';

describe('canonicalValue: one form per value, however it was said', () => {
  it.each<[EntityType, string, string]>([
    ['PHONE', '(415) 555-0100', '4155550100'],
    ['PHONE', '+1 415 555 0100', '4155550100'],
    ['PHONE', 'four one five five five five oh one oh oh', '4155550100'],
    ['CREDIT_CARD', '4111 1111 1111 1111', '4111111111111111'],
    ['CREDIT_CARD', 'four one one one one one one one one one one one one one one one', '4111111111111111'],
    ['EMAIL', 'John.Smith@Gmail.com', 'john.smith@gmail.com'],
    ['EMAIL', 'john dot smith at gmail dot com', 'john.smith@gmail.com'],
    ['PERSON', 'Mary-Jane  O’Neil', 'mary jane o neil'],
    ['IBAN', 'GB82 WEST 1234 5698 7654 32', 'gb82west12345698765432'],
    ['POSTAL_CODE', 'SW1A 1AA', 'sw1a1aa'],
  ])('%s %j → %j', (type, value, expected) => {
    expect(canonicalValue(type, value)).toBe(expected);
  });

  it('keeps different values apart', () => {
    expect(canonicalValue('PHONE', '415 555 0100')).not.toBe(canonicalValue('PHONE', '415 555 0101'));
    expect(canonicalValue('PERSON', 'Ann Lee')).not.toBe(canonicalValue('PERSON', 'Anne Lee'));
  });
});
