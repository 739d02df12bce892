import { describe, expect, it } from 'vitest';
import { signBody, verifySignature } from './signing.js';

const now = new Date('2026-12-06T12:00:00Z');
const body = Buffer.from('{"eventId":"e1","key":"4"}');

describe('signed webhooks', () => {
  it('accepts a fresh signature with the right secret', () => {
    expect(verifySignature(['whsec_a'], body, signBody('whsec_a', body, now), now)).toBeNull();
  });
  it('accepts either secret during a rotation', () => {
    expect(verifySignature(['whsec_new', 'whsec_old'], body, signBody('whsec_old', body, now), now)).toBeNull();
  });
  it('refuses a changed body, a wrong secret, a missing or malformed header', () => {
    const headers = signBody('whsec_a', body, now);
    expect(verifySignature(['whsec_a'], Buffer.from('{"eventId":"e1","key":"5"}'), headers, now)).toBe('mismatch');
    expect(verifySignature(['whsec_b'], body, headers, now)).toBe('mismatch');
    expect(verifySignature(['whsec_a'], body, {}, now)).toBe('missing');
    expect(verifySignature(['whsec_a'], body, { ...headers, 'x-callvault-signature': 'v1=zz' }, now)).toBe('malformed');
  });
  it('refuses a message replayed after the tolerance, or sent from the future', () => {
    const headers = signBody('whsec_a', body, now);
    expect(verifySignature(['whsec_a'], body, headers, new Date(now.getTime() + 301_000))).toBe('stale');
    expect(verifySignature(['whsec_a'], body, headers, new Date(now.getTime() - 301_000))).toBe('stale');
    expect(verifySignature(['whsec_a'], body, headers, new Date(now.getTime() + 299_000))).toBeNull();
  });
});
