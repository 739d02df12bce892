/**
 * Numbers heard earlier in a call, to recognise them when they come back in another shape: read
 * back with a misheard digit ("83378 95978?" for 83378 35978), corrected by their ending ("no, it
 * ends 5978"), or started, abandoned and restarted ("it's 441 25... sorry, let me start again,
 * (441) 521-8329"). Values are compared as national significant numbers (no country code or
 * trunk zero). Kept per conversation; holds digits only in memory, never logged.
 */
export class HeardNumbers {
  private readonly numbers = new Set<string>();

  get size(): number {
    return this.numbers.size;
  }

  add(national: string): void {
    if (national.length >= 7) this.numbers.add(national);
  }

  has(national: string): boolean {
    return this.numbers.has(national);
  }

  /** The same number said again, or read back with at most two digits misheard. */
  matches(national: string): boolean {
    if (this.numbers.has(national)) return true;
    for (const n of this.numbers) if (n.length === national.length && mismatches(n, national, 0) <= 2) return true;
    return false;
  }

  /** "it ends 5978": the ending of a number heard before (one digit may be misheard). */
  endsOne(digits: string): boolean {
    for (const n of this.numbers) if (n.length > digits.length && mismatches(n, digits, n.length - digits.length) <= (digits.length >= 4 ? 1 : 0)) return true;
    return false;
  }

  /** A false start: the opening digits of a number (two slips allowed from five digits on). */
  startsOne(digits: string): boolean {
    for (const n of this.numbers) if (n.length > digits.length && mismatches(n, digits, 0) <= (digits.length >= 5 ? 2 : 0)) return true;
    return false;
  }
}

/** Digits of `part` differing from `whole` read from `offset`. */
function mismatches(whole: string, part: string, offset: number): number {
  let n = 0;
  for (let i = 0; i < part.length; i++) if (whole.charCodeAt(offset + i) !== part.charCodeAt(i)) n += 1;
  return n;
}
