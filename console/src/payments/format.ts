import type { PaymentField, PaymentFieldProgress, PaymentState } from '../types.js';

export const CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD'] as const;

/** "49.99" → 4999 (these currencies have two minor digits); null when it is not an amount. */
export function toMinor(amount: string): number | null {
  const m = /^\s*(\d{1,7})(?:[.,](\d{1,2}))?\s*$/.exec(amount);
  if (!m) return null;
  const minor = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return minor > 0 ? minor : null;
}

export function formatAmount(minor: number, currency: string): string {
  return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(minor / 100);
}

export const FIELD_LABELS: Record<PaymentField, string> = {
  card_number: 'Card number',
  expiry: 'Expiry (MMYY)',
  security_code: 'Security code',
  postal_code: 'Postal code',
};

export const STATE_LABELS: Record<PaymentState, string> = {
  collecting: 'Customer is keying',
  ready: 'Ready to charge',
  processing: 'Charging…',
  succeeded: 'Payment taken',
  declined: 'Declined',
  failed: 'Failed',
  cancelled: 'Cancelled',
  expired: 'Expired',
};

/** What the agent reads for one field: counts and validity, never a digit. */
export function fieldText(f: PaymentFieldProgress): string {
  const digits = `${f.digits} digit${f.digits === 1 ? '' : 's'}`;
  switch (f.status) {
    case 'pending':
      return 'waiting';
    case 'collecting':
      return `${digits} keyed`;
    case 'valid':
      return `valid (${digits})`;
    case 'invalid':
      return `not valid${f.problem ? `: ${f.problem.replace(/_/g, ' ')}` : ''} — attempt ${f.attempts}`;
  }
}

/** The reason codes a payment ends with, said plainly. */
export function reasonText(reason: string | null): string {
  return reason ? reason.replace(/_/g, ' ') : '';
}
