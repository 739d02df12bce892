import type { Detector } from '../types.js';
import { addressDetector } from './address.js';
import { bankAccountDetector } from './bank-account.js';
import { cardCvvDetector } from './card-cvv.js';
import { cardExpiryDetector } from './card-expiry.js';
import { creditCardDetector } from './credit-card.js';
import { dateOfBirthDetector } from './date-of-birth.js';
import { emailDetector } from './email.js';
import { ibanDetector } from './iban.js';
import { ipAddressDetector } from './ip-address.js';
import { personDetector } from './person.js';
import { phoneDetector } from './phone.js';
import { postalCodeDetector } from './postal-code.js';
import { readBackCorrectionDetector } from './read-back-correction.js';
import { routingNumberDetector } from './routing-number.js';
import { ssnDetector } from './ssn.js';
import { usernameDetector } from './username.js';

/**
 * Every detector, in the order they run (order does not change results: overlaps are settled by
 * the engine's one rule). One line per detector; a policy turning a type off skips its detectors.
 */
export const ALL_DETECTORS: readonly Detector[] = [
  creditCardDetector,
  cardExpiryDetector,
  cardCvvDetector,
  ssnDetector,
  dateOfBirthDetector,
  bankAccountDetector,
  routingNumberDetector,
  ibanDetector,
  ipAddressDetector,
  phoneDetector,
  emailDetector,
  personDetector,
  addressDetector,
  postalCodeDetector,
  usernameDetector,
  readBackCorrectionDetector,
];
