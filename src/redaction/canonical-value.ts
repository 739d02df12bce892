import { buildNormalizedView } from './analysis/normalize.js';
import { tokenize } from './analysis/tokenizer.js';
import type { EntityType } from './types.js';

const DIGIT_TYPES: ReadonlySet<EntityType> = new Set(['PHONE', 'CREDIT_CARD', 'CARD_CVV', 'SSN', 'BANK_ACCOUNT', 'ROUTING_NUMBER', 'CARD_EXPIRY', 'POSTAL_CODE']);

/**
 * The form a detected value is matched under, however it was said or typed: numbers as digits
 * ("four one one one" and "4111" match), emails as typed and lowercase ("J Smith at Gmail dot com"
 * → "jsmith@gmail.com"), everything else lowercase with spacing and punctuation collapsed. A
 * North-American phone loses its leading country code 1, so "+1 415 555 0100" and "(415) 555-0100"
 * match. Used for keyed hashes (a blind index): the same customer value gives the same hash.
 * @example canonicalValue('PHONE', 'four one five five five five oh one hundred') // '4155550100'
 */
export function canonicalValue(type: EntityType, value: string): string {
  const normalized = buildNormalizedView(value, tokenize(value)).text;
  if (DIGIT_TYPES.has(type) || type === 'IBAN') {
    const kept = type === 'IBAN' || type === 'POSTAL_CODE' ? normalized.toLowerCase().replace(/[^a-z0-9]/g, '') : normalized.replace(/\D/g, '');
    return type === 'PHONE' && kept.length === 11 && kept.startsWith('1') ? kept.slice(1) : kept;
  }
  if (type === 'EMAIL' || type === 'USERNAME' || type === 'IP_ADDRESS') return normalized.toLowerCase().replace(/\s+/g, '');
  return normalized
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
