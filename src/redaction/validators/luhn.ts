/**
 * The Luhn (mod 10) check digit of ISO/IEC 7812-1, carried by every payment card number (PAN).
 * `digits` must hold only 0-9.
 */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/**
 * Is this a plausible PAN length and issuer prefix? ISO/IEC 7812 PANs are 12-19 digits; networks
 * in use issue 13-19 (Visa 13/16/19, Mastercard 16 incl. the 2221-2720 series, Amex 15, Discover,
 * JCB, UnionPay, Maestro up to 19). Any major industry identifier 1-6 is accepted.
 */
export function plausiblePan(digits: string): boolean {
  if (digits.length < 13 || digits.length > 19) return false;
  const first = digits.charCodeAt(0) - 48;
  return first >= 1 && first <= 6;
}

/** The card brand from the issuer prefix (IIN), for notes and masked progress; undefined when unknown. */
export function cardBrand(digits: string): string | undefined {
  const p2 = Number(digits.slice(0, 2));
  const p4 = Number(digits.slice(0, 4));
  if (digits.startsWith('4')) return 'visa';
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return 'mastercard';
  if (p2 === 34 || p2 === 37) return 'amex';
  if (digits.startsWith('6011') || digits.startsWith('65') || (p4 >= 6440 && p4 <= 6499)) return 'discover';
  if (p4 >= 3528 && p4 <= 3589) return 'jcb';
  if (p2 === 62) return 'unionpay';
  if (p2 === 36 || p2 === 38 || p2 === 39 || (p4 >= 3000 && p4 <= 3059)) return 'diners';
  if (p2 === 50 || (p2 >= 56 && p2 <= 69)) return 'maestro';
  return undefined;
}
