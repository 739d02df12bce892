import { describe, expect, it } from 'vitest';
import { cardBrandOf, cardNumberProblem, codeLengthOf, expiryProblem, maskedCard } from './card.js';

describe('card rules', () => {
  it.each([
    ['4242424242424242', 'visa'],
    ['4222222222222', 'visa'],
    ['5555555555554444', 'mastercard'],
    ['2223003122003222', 'mastercard'],
    ['378282246310005', 'amex'],
    ['6011111111111117', 'discover'],
    ['3566002020360505', 'jcb'],
    ['30569309025904', 'diners'],
    ['6200000000000005', 'unionpay'],
    ['6759649826438453', 'maestro'],
    ['9999', 'unknown'],
  ])('reads the network of %s as %s', (pan, brand) => {
    expect(cardBrandOf(pan)).toBe(brand);
  });

  it('knows the network from the first digits, before the number is complete', () => {
    expect(cardBrandOf('4')).toBe('visa');
    expect(cardBrandOf('37')).toBe('amex');
    expect(cardBrandOf('2')).toBe('unknown');
    expect(cardBrandOf('2221')).toBe('mastercard');
  });

  it('accepts valid numbers and says why others fail', () => {
    expect(cardNumberProblem('4242424242424242')).toBeNull();
    expect(cardNumberProblem('4111111111111111111'.slice(0, 16))).toBeNull();
    expect(cardNumberProblem('4242424242424241')).toBe('bad_checksum');
    expect(cardNumberProblem('424242424242')).toBe('too_short');
    expect(cardNumberProblem('37828224631000')).toBe('too_short');
    expect(cardNumberProblem('42424242424242424')).toBe('bad_length');
    expect(cardNumberProblem('55555555555544440')).toBe('too_long');
  });

  it('asks for four code digits on Amex and three elsewhere', () => {
    expect(codeLengthOf('amex')).toBe(4);
    expect(codeLengthOf('visa')).toBe(3);
    expect(codeLengthOf('unknown')).toBe(3);
  });

  it('refuses an expiry in the past or with no real month, and accepts the current month', () => {
    const now = new Date('2026-12-06T12:00:00Z');
    expect(expiryProblem('1226', now)).toBeNull();
    expect(expiryProblem('0130', now)).toBeNull();
    expect(expiryProblem('1126', now)).toBe('expired');
    expect(expiryProblem('1326', now)).toBe('bad_month');
    expect(expiryProblem('0026', now)).toBe('bad_month');
    expect(expiryProblem('126', now)).toBe('bad_format');
  });

  it('masks to the last four only', () => {
    expect(maskedCard('4242')).toBe('•••• •••• •••• 4242');
  });
});
