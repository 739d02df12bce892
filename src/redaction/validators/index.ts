export { luhnValid, plausiblePan, cardBrand } from './luhn.js';
export { abaValid } from './aba.js';
export { ssnValid } from './ssn.js';
export { ibanValid, IBAN_LENGTHS } from './iban.js';
