import { describe, expect, it } from 'vitest';
import { abaValid } from './aba.js';
import { ibanValid } from './iban.js';
import { cardBrand, luhnValid, plausiblePan } from './luhn.js';
import { ssnValid } from './ssn.js';

describe('luhnValid', () => {
  it.each([
    ['4111111111111111', true], // Visa 16
    ['4222222222222', true], // Visa 13
    ['5555555555554444', true], // Mastercard 5-series
    ['2223003122003222', true], // Mastercard 2-series
    ['378282246310005', true], // Amex 15
    ['6011111111111117', true], // Discover
    ['6759649826438453', true], // Maestro
    ['4000000000000000006', true], // 19 digits
    ['4111111111111112', false],
    ['1234567812345678', false],
    ['', false],
    ['41a1', false],
  ])('%s -> %s', (digits, ok) => expect(luhnValid(digits)).toBe(ok));

  it('knows brands and PAN lengths', () => {
    expect(cardBrand('2223003122003222')).toBe('mastercard');
    expect(cardBrand('378282246310005')).toBe('amex');
    expect(plausiblePan('4111111111')).toBe(false);
    expect(plausiblePan('9111111111111111')).toBe(false);
  });
});

describe('abaValid', () => {
  it.each([
    ['011000015', true],
    ['021000021', true],
    ['121000358', true],
    ['021000022', false],
    ['991000021', false], // no such Federal Reserve prefix
    ['12345678', false],
  ])('%s -> %s', (digits, ok) => expect(abaValid(digits)).toBe(ok));
});

describe('ssnValid', () => {
  it.each([
    ['123456789', true],
    ['000123456', false],
    ['666123456', false],
    ['912345678', false],
    ['123006789', false],
    ['123450000', false],
    ['12345678', false],
  ])('%s -> %s', (digits, ok) => expect(ssnValid(digits)).toBe(ok));
});

describe('ibanValid', () => {
  it.each([
    ['GB82WEST12345698765432', true],
    ['DE89370400440532013000', true],
    ['FR1420041010050500013M02606', true],
    ['NL91ABNA0417164300', true],
    ['NO9386011117947', true], // shortest (15)
    ['MT84MALT011000012345MTLCAST001S', true], // 31
    ['GB82WEST12345698765431', false], // check digits wrong
    ['GB82WEST1234569876543', false], // length wrong for GB
    ['XX82WEST12345698765432', false], // no such country
  ])('%s -> %s', (iban, ok) => expect(ibanValid(iban)).toBe(ok));
});
