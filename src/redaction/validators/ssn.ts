/**
 * US Social Security number rules (SSA, randomization since 2011): area 001-899 except 666,
 * group 01-99, serial 0001-9999. Numbers outside these were never issued.
 */
export function ssnValid(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  const area = digits.slice(0, 3);
  const group = digits.slice(3, 5);
  const serial = digits.slice(5);
  if (area === '000' || area === '666' || area.startsWith('9')) return false;
  if (group === '00' || serial === '0000') return false;
  return true;
}
