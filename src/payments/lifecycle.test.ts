import { describe, expect, it } from 'vitest';
import { fieldsFor, type Key } from './capture.js';
import { PaymentSession } from './lifecycle.js';
import { createSandboxProcessor } from './processors/sandbox.js';
import type { ChargeRequest, Processor } from './processors/types.js';

const now = new Date('2026-12-06T12:00:00Z');
const order = { reference: 'ps-1', amountMinor: 2500, currency: 'USD', description: 'Renewal' };
const session = () => new PaymentSession(order, { fields: fieldsFor(false), maxAttempts: 3 });
const key = (s: PaymentSession, keys: string) => [...keys].forEach((k) => s.press(k as Key, now));

describe('payment session lifecycle', () => {
  it('goes collecting → ready → processing → succeeded and shows only the last four', async () => {
    const s = session();
    key(s, '4242424242424242#1228123');
    expect(s.state).toBe('ready');
    expect(s.view().maskedCard).toBe('•••• •••• •••• 4242');
    const outcome = await s.charge(createSandboxProcessor(), 1000);
    expect(outcome.status).toBe('approved');
    expect(s.view()).toMatchObject({ state: 'succeeded', reason: null });
    expect(JSON.stringify(s.view())).not.toContain('424242424242');
  });

  it('records a decline and a processor failure with their reason', async () => {
    const declined = session();
    key(declined, '4000000000000002#1228123');
    await declined.charge(createSandboxProcessor(), 1000);
    expect(declined.view()).toMatchObject({ state: 'declined', reason: 'card_declined' });
    const failed = session();
    key(failed, '4000000000000101#1228123');
    await failed.charge(createSandboxProcessor(), 20);
    expect(failed.view()).toMatchObject({ state: 'failed', reason: 'processor_timeout' });
  });

  it('zeroes the card and code it handed to the processor once it answers', async () => {
    let seen: ChargeRequest | undefined;
    const spy: Processor = { name: 'sandbox', charge: async (r) => ((seen = r), { status: 'approved', processorReference: 'x' }) };
    const s = session();
    key(s, '5555555555554444' + '0130' + '987');
    await s.charge(spy, 1000);
    expect([...seen!.card.pan].every((b) => b === 0)).toBe(true);
    expect([...seen!.card.securityCode!].every((b) => b === 0)).toBe(true);
  });

  it('cancels or expires only before the charge, and ignores keys afterwards', async () => {
    const s = session();
    key(s, '4242');
    expect(s.cancel()).toBe(true);
    expect(s.press('1', now)).toBe('ignored');
    expect(s.expire()).toBe(false);
    const e = session();
    expect(e.expire()).toBe(true);
    expect(e.view()).toMatchObject({ state: 'expired', reason: 'session_timeout' });
    await expect(e.charge(createSandboxProcessor(), 100)).rejects.toThrow(/expired/);
  });

  it('fails when a field runs out of attempts, and lets the agent ask for a field again', () => {
    const s = session();
    key(s, '4242424242424241#4242424242424241#4242424242424241#');
    expect(s.view()).toMatchObject({ state: 'failed', reason: 'attempts_exhausted' });
    const r = session();
    key(r, '4242424242424242#1228123');
    expect(r.reenter('expiry')).toBe(true);
    expect(r.state).toBe('collecting');
    key(r, '0331');
    expect(r.state).toBe('ready');
  });
});
