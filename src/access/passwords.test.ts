import { describe, expect, it } from 'vitest';
import { ARGON2_PARAMS, generateOneTimePassword, hashPassword, needsRehash, passwordProblem, verifyAgainstDummy, verifyPassword } from './passwords.js';

describe('passwords', () => {
  it('hashes with argon2id and the OWASP parameters (m=19456 KiB, t=2, p=1)', async () => {
    const h = await hashPassword('a long enough passphrase 1');
    expect(h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(ARGON2_PARAMS).toMatchObject({ memoryCost: 19456, timeCost: 2, parallelism: 1 });
    expect(await verifyPassword(h, 'a long enough passphrase 1')).toBe(true);
    expect(await verifyPassword(h, 'a long enough passphrase 2')).toBe(false);
    // the same password twice gives two different hashes (random salt)
    expect(await hashPassword('a long enough passphrase 1')).not.toBe(h);
  });

  it('flags hashes made with other parameters for re-hashing', async () => {
    expect(needsRehash(await hashPassword('a long enough passphrase 1'))).toBe(false);
    expect(needsRehash('$argon2id$v=19$m=4096,t=3,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo')).toBe(true);
  });

  it('treats a malformed stored hash as a mismatch, and spends the time anyway for unknown users', async () => {
    expect(await verifyPassword('not a hash', 'whatever')).toBe(false);
    expect(await verifyAgainstDummy('whatever')).toBe(false);
  });

  it.each([
    ['short1', 'too_short'],
    ['onlyletterslongenough', 'needs_letters_and_digits'],
    ['123456789012345', 'needs_letters_and_digits'],
    ['jane.doe rules 2026', 'contains_email'],
    ['x'.repeat(257) + '1', 'too_long'],
    ['a good passphrase 42', null],
  ])('password rule: %s -> %s', (pw, problem) => {
    expect(passwordProblem(pw, 'jane.doe@example.test')).toBe(problem);
  });

  it('a short email local part does not forbid every password containing it', () => {
    expect(passwordProblem('a good passphrase 42', 'a@example.test')).toBeNull();
  });

  it('one-time passwords are 20 readable characters (100 bits) and differ each time', () => {
    const a = generateOneTimePassword();
    expect(a).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$/);
    expect(generateOneTimePassword()).not.toBe(a);
  });
});
