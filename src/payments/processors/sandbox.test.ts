import { describe, expect, it } from 'vitest';
import { createSandboxProcessor, SANDBOX_CARDS } from './sandbox.js';
import { chargeWithin, type ChargeRequest } from './types.js';

const request = (pan: string): ChargeRequest => ({ reference: 'session-1', amountMinor: 1999, currency: 'USD', description: 'Order', card: { pan: Buffer.from(pan), expiry: '1228', securityCode: Buffer.from('123') } });

describe('sandbox processor', () => {
  const sandbox = createSandboxProcessor();
  it('approves the approval cards with a stable reference per session', async () => {
    const a = await chargeWithin(sandbox, request('4242424242424242'), 1000);
    expect(a).toMatchObject({ status: 'approved' });
    expect(await chargeWithin(sandbox, request('4242424242424242'), 1000)).toEqual(a);
  });
  it('declines, fails on network error and times out as documented', async () => {
    expect(await chargeWithin(sandbox, request('4000000000000002'), 1000)).toEqual({ status: 'declined', reason: 'card_declined' });
    expect(await chargeWithin(sandbox, request('4000000000009995'), 1000)).toEqual({ status: 'declined', reason: 'insufficient_funds' });
    expect(await chargeWithin(sandbox, request('4000000000000119'), 1000)).toEqual({ status: 'failed', reason: 'network_error' });
    expect(await chargeWithin(sandbox, request('4000000000000101'), 50)).toEqual({ status: 'failed', reason: 'processor_timeout' });
  });
  it('documents only Luhn-valid test cards', async () => {
    const { luhnValid } = await import('../../redaction/validators/luhn.js');
    for (const pan of Object.keys(SANDBOX_CARDS)) expect(luhnValid(pan)).toBe(true);
  });
});
