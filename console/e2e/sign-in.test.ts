import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { browserTestsEnabled } from './browser.js';
import { useConsoleFixture } from './fixture.js';
import { demoAccount, nextTotpCode, signIn, signInFirstTime, signOut, totpSecretOnScreen } from './flows.js';

/**
 * Signing in through the console in a real browser (Debian's Chromium via playwright-core) against
 * a real server: one-time password → forced change → TOTP enrollment → TOTP, passkey and recovery
 * code sign-in, keyboard-only use, session expiry, and what the browser keeps and sends.
 */
describe.skipIf(!browserTestsEnabled())('console sign-in', () => {
  const f = useConsoleFixture();
  const password = 'correct horse battery staple 42';
  let totpSecret = '';
  let recoveryCodes: string[] = [];
  let adminEmail = '';

  it('signs in with a one-time password, forces a new password, enrolls TOTP, then signs in with password + TOTP', async () => {
    const admin = demoAccount(f, 'security_admin');
    adminEmail = admin.email;
    ({ totpSecret, recoveryCodes } = await signInFirstTime(f, admin, password));

    // Nothing is kept in the browser's storage: the session is an httpOnly cookie.
    const stored = await f.page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    expect(stored).toBe('{}{}');

    await signOut(f.page);
    await signIn(f.page, admin.email, password);
    await f.page.getByRole('heading', { name: 'Second factor' }).waitFor();
    await f.shot('mfa-challenge');
    // The enrollment code may not be reused (TOTP replay), so the next step's code is typed.
    await f.page.getByLabel(/6-digit code/).fill(await nextTotpCode(totpSecret));
    await f.page.getByRole('button', { name: 'Verify' }).click();
    expect(await f.page.getByTestId('signed-in-as').innerText()).toBe(admin.email);
    await f.shot('signed-in');
  });

  it('registers a passkey from My account and signs in with it (Chromium virtual authenticator)', async () => {
    const { page } = f;
    // A software authenticator inside Chromium (CDP WebAuthn domain): a real WebAuthn ceremony,
    // checked by the server with @simplewebauthn/server, without a hardware key.
    const cdp = await f.context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });

    await page.goto('/#/account');
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await page.getByLabel('Passkey name (optional)').fill('test laptop');
    await page.getByRole('button', { name: 'Register a passkey' }).click();
    await page.getByTestId('passkey-count').filter({ hasText: /^1$/ }).waitFor();
    await f.shot('account');

    await signOut(page);
    await signIn(page, adminEmail, password);
    await page.getByRole('heading', { name: 'Second factor' }).waitFor();
    await page.getByLabel('Passkey').check();
    await page.getByRole('button', { name: 'Use a passkey' }).click();
    expect(await page.getByTestId('signed-in-as').innerText()).toBe(adminEmail);
    await cdp.detach();
  });

  it('signs in with a recovery code, which cannot be used twice', async () => {
    const { page } = f;
    const [first, second] = recoveryCodes;
    if (!first || !second) throw new Error('no recovery codes from enrollment');
    const withRecoveryCode = async (code: string) => {
      await signIn(page, adminEmail, password);
      await page.getByRole('heading', { name: 'Second factor' }).waitFor();
      await page.getByLabel('Recovery code').check();
      await page.getByLabel('Recovery code', { exact: true }).last().fill(code);
      await page.getByRole('button', { name: 'Use recovery code' }).click();
    };

    await signOut(page);
    await withRecoveryCode(first);
    expect(await page.getByTestId('signed-in-as').innerText()).toBe(adminEmail);

    await signOut(page);
    await withRecoveryCode(first);
    await page.getByRole('alert').waitFor();
    await page.getByLabel('Recovery code', { exact: true }).last().fill(second);
    await page.getByRole('button', { name: 'Use recovery code' }).click();
    expect(await page.getByTestId('signed-in-as').innerText()).toBe(adminEmail);
  });

  it('an auditor signs in with the keyboard alone and is offered only the watching pages (audit, alerts, incidents, governance evidence) of their brand', async () => {
    const { page } = f;
    const auditor = demoAccount(f, 'auditor');
    const auditorPassword = 'ledger lines never lie 7';
    await signOut(page);
    await page.getByLabel('Email').fill(auditor.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(auditor.oneTimePassword);
    await page.keyboard.press('Enter');
    await page.getByLabel('Current (one-time) password').fill(auditor.oneTimePassword);
    await page.keyboard.press('Tab');
    await page.keyboard.type(auditorPassword);
    await page.keyboard.press('Tab');
    await page.keyboard.type(auditorPassword);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Set up two-factor sign-in' }).waitFor();
    await page.getByRole('button', { name: 'Set up an authenticator app' }).focus();
    await page.keyboard.press('Enter');
    const secret = await totpSecretOnScreen(page);
    await page.getByLabel('6-digit code').fill(await generate({ secret }));
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'I have saved my recovery codes' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('signed-in-as').innerText()).toBe(auditor.email);

    const menu = await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allInnerTexts();
    expect(menu).toEqual([
      'Brands',
      'Audit trail',
      'Alerts',
      'Incidents',
      'Access review',
      'Training',
      'Retention',
      'Data-subject requests',
      'Compliance report',
      'Vendors',
      'Questionnaires',
      'My account',
    ]);
    await page.getByRole('link', { name: 'Audit trail' }).click();
    await page.getByTestId('audit-row').first().waitFor();
    const brandsShown = await page.getByTestId('audit-row').evaluateAll((rows) => rows.map((r) => r.children[2]?.textContent));
    expect(new Set(brandsShown)).toEqual(new Set([f.server.demoBrandName]));
  });

  it('sent x-callvault-csrf: 1 with every state-changing request, and no secret in any URL', () => {
    const changes = f.sent.filter((r) => r.method !== 'GET' && r.method !== 'HEAD');
    expect(changes.length).toBeGreaterThan(15);
    expect(changes.filter((r) => r.csrf !== '1').map((r) => `${r.method} ${r.url}`)).toEqual([]);
    const secrets = [password, totpSecret, ...recoveryCodes, ...f.server.accounts.map((a) => a.oneTimePassword)];
    for (const r of f.sent) for (const s of secrets) expect(decodeURIComponent(r.url)).not.toContain(s);
  });

  it('returns to sign-in with a notice when the session ends (15 minutes idle, PCI DSS 8.2.8)', async () => {
    const { page } = f;
    await page.goto('/#/brands');
    // Wait for the page's own request to finish: answered after the clock moves, it would end the
    // session itself and take the menu away before the click below.
    await page.getByRole('rowheader', { name: f.server.demoBrandName }).waitFor();
    f.server.advanceClock(16 * 60);
    await page.getByRole('link', { name: 'Audit trail' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByText('Your session has ended. Sign in again.').waitFor();
  });
});
