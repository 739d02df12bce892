import { luhnValid } from '../redaction/validators/luhn.js';

/**
 * What a keypad entry can tell about a card while digits arrive: the network from the leading
 * digits (IIN ranges as the networks publish them), the lengths it issues, the security-code
 * length. Nothing here keeps a digit: callers pass the digits and get facts back.
 */
export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'discover' | 'jcb' | 'diners' | 'unionpay' | 'maestro' | 'unknown';

interface BrandRule {
  brand: Exclude<CardBrand, 'unknown'>;
  /** Inclusive prefix ranges, compared on the first `from.length` digits. */
  ranges: readonly (readonly [string, string])[];
  lengths: readonly number[];
  codeLength: number;
}

// Order matters: narrower ranges first (a 62 UnionPay card is not a Discover 622126-622925 one, say).
const RULES: readonly BrandRule[] = [
  { brand: 'amex', ranges: [['34', '34'], ['37', '37']], lengths: [15], codeLength: 4 },
  { brand: 'diners', ranges: [['300', '305'], ['36', '36'], ['38', '39']], lengths: [14, 15, 16, 17, 18, 19], codeLength: 3 },
  { brand: 'jcb', ranges: [['3528', '3589']], lengths: [16, 17, 18, 19], codeLength: 3 },
  { brand: 'discover', ranges: [['6011', '6011'], ['644', '649'], ['65', '65'], ['622126', '622925']], lengths: [16, 17, 18, 19], codeLength: 3 },
  { brand: 'unionpay', ranges: [['62', '62'], ['81', '81']], lengths: [16, 17, 18, 19], codeLength: 3 },
  { brand: 'mastercard', ranges: [['51', '55'], ['2221', '2720']], lengths: [16], codeLength: 3 },
  { brand: 'maestro', ranges: [['50', '50'], ['56', '58'], ['6304', '6304'], ['6759', '6759'], ['676770', '676774']], lengths: [12, 13, 14, 15, 16, 17, 18, 19], codeLength: 3 },
  { brand: 'visa', ranges: [['4', '4']], lengths: [13, 16, 19], codeLength: 3 },
];

const UNKNOWN_LENGTHS = [13, 14, 15, 16, 17, 18, 19] as const;

function ruleOf(digits: string): BrandRule | undefined {
  return RULES.find((r) => r.ranges.some(([from, to]) => digits.length >= from.length && digits.slice(0, from.length) >= from && digits.slice(0, to.length) <= to));
}

/** The network a (possibly partial) card number belongs to; 'unknown' until enough digits are in. */
export function cardBrandOf(digits: string): CardBrand {
  return ruleOf(digits)?.brand ?? 'unknown';
}

/** Lengths the card's network issues (13-19 when the network is not known). */
export function cardLengthsOf(digits: string): readonly number[] {
  return ruleOf(digits)?.lengths ?? UNKNOWN_LENGTHS;
}

/** Security-code length: 4 for American Express (CID), 3 otherwise. */
export function codeLengthOf(brand: CardBrand): number {
  return RULES.find((r) => r.brand === brand)?.codeLength ?? 3;
}

export type CardProblem = 'too_short' | 'too_long' | 'bad_length' | 'bad_checksum';

/** Why a complete card number cannot be charged, or null when it can. */
export function cardNumberProblem(digits: string): CardProblem | null {
  const lengths = cardLengthsOf(digits);
  if (digits.length < Math.min(...lengths)) return 'too_short';
  if (digits.length > Math.max(...lengths)) return 'too_long';
  if (!lengths.includes(digits.length)) return 'bad_length';
  return luhnValid(digits) ? null : 'bad_checksum';
}

export type ExpiryProblem = 'bad_format' | 'bad_month' | 'expired';

/** Checks an expiry keyed as MMYY: a real month, not before the current month (cards expire at its end). */
export function expiryProblem(mmyy: string, now: Date): ExpiryProblem | null {
  if (!/^\d{4}$/.test(mmyy)) return 'bad_format';
  const month = Number(mmyy.slice(0, 2));
  const year = 2000 + Number(mmyy.slice(2));
  if (month < 1 || month > 12) return 'bad_month';
  const current = now.getUTCFullYear() * 12 + now.getUTCMonth();
  return year * 12 + (month - 1) < current ? 'expired' : null;
}

/** Last four digits only: what the agent's screen may show (PCI DSS 3.4.1 allows at most BIN and last four). */
export function maskedCard(lastFour: string): string {
  return `•••• •••• •••• ${lastFour}`;
}
