import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { generate } from 'otplib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsEnabled, launchChromium } from './browser.js';
import { buildConsole } from './build-console.js';
import { startTestServer, type TestServer } from './server.js';

/**
 * The console in a real browser (Debian's Chromium through playwright-core) against a real
 * callvault server with an embedded database: sign-in with a one-time password, the forced
 * password change, TOTP enrollment and sign-in with TOTP; administration; the audit explorer.
 * The steps build on each other, so they run in order on one server.
 */
describe.skipIf(!browserTestsEnabled())('console in a browser', () => {
  let consoleDir: string;
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const newPassword = 'correct horse battery staple 42';
  let totpSecret = '';
  let recoveryCodes: string[] = [];
  /** Every API request the page made, to check properties that must hold for all of them. */
  const sent: { method: string; url: string; csrf: string | undefined }[] = [];
  let adminEmail = '';
  const invitedEmail = 'new.supervisor@example.test';
  /** What this suite does that the audit trail must show. */
  const madeActions = ['user.create', 'apikey.create', 'apikey.revoke'];

  beforeAll(async () => {
    browser = await launchChromium(); // first: in CI a missing browser fails fast, with its reason
    consoleDir = await buildConsole();
    server = await startTestServer(consoleDir);
    context = await browser.newContext({ baseURL: server.url });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/')) sent.push({ method: r.method(), url: r.url(), csrf: r.headers()['x-callvault-csrf'] });
    });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
    if (consoleDir) await rm(consoleDir, { recursive: true, force: true });
  });

  /** Screenshots for people reviewing the UI: CALLVAULT_E2E_SCREENSHOTS=/some/dir. */
  async function shot(name: string) {
    const dir = process.env.CALLVAULT_E2E_SCREENSHOTS;
    if (dir) await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
  }

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await shot(`FAILED-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
  });

  async function signIn(email: string, password: string) {
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it('signs in with a one-time password, forces a new password, enrolls TOTP, then signs in with password + TOTP', async () => {
    const admin = server.accounts.find((a) => a.role === 'security_admin');
    if (!admin) throw new Error('the demo seed has no security admin');
    adminEmail = admin.email;

    await page.goto('/');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await shot('login');
    await signIn(admin.email, admin.oneTimePassword);

    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await page.getByLabel('Current (one-time) password').fill(admin.oneTimePassword);
    await page.getByLabel('New password', { exact: true }).fill(newPassword);
    await page.getByLabel('Repeat new password').fill(newPassword);
    await shot('password-change');
    await page.getByRole('button', { name: 'Change password' }).click();

    await page.getByRole('heading', { name: 'Set up two-factor sign-in' }).waitFor();
    await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
    const otpauth = await page.getByTestId('totp-secret').getAttribute('data-otpauth');
    totpSecret = new URLSearchParams(otpauth?.split('?')[1] ?? '').get('secret') ?? '';
    expect(totpSecret).toMatch(/^[A-Z2-7]{16,}$/);
    // The secret typed by hand must be the one in the QR code.
    expect((await page.getByTestId('totp-secret').innerText()).replace(/\s/g, '')).toBe(totpSecret);
    await expect(page.getByRole('img', { name: /QR code/ }).isVisible()).resolves.toBe(true);
    await shot('enroll');

    await page.getByLabel('6-digit code').fill(await generate({ secret: totpSecret }));
    await page.getByRole('button', { name: 'Confirm' }).click();
    const codes = await page.getByTestId('recovery-codes').locator('li').allInnerTexts();
    expect(codes.length).toBeGreaterThanOrEqual(8);
    expect(new Set(codes).size).toBe(codes.length);
    recoveryCodes = codes;
    await shot('recovery-codes');
    await page.getByRole('button', { name: 'I have saved my recovery codes' }).click();
    await expect(page.getByTestId('signed-in-as').innerText()).resolves.toBe(admin.email);

    // Nothing secret is kept in the browser's storage.
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    expect(stored).toBe('{}{}');
    expect(stored).not.toContain(totpSecret);

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await signIn(admin.email, newPassword);
    await page.getByRole('heading', { name: 'Second factor' }).waitFor();
    await shot('mfa-challenge');
    // The enrollment code may not be reused (TOTP replay); the next step's code is in the ±1 window.
    await page.getByLabel(/6-digit code/).fill(await generate({ secret: totpSecret, epoch: Math.floor(Date.now() / 1000) + 30 }));
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect(page.getByTestId('signed-in-as').innerText()).resolves.toBe(admin.email);
    await shot('signed-in');
  });

  it('registers a passkey from My account and signs in with it (Chromium virtual authenticator)', async () => {
    // A software authenticator inside Chromium (CDP WebAuthn domain): a real WebAuthn ceremony,
    // checked by the server with @simplewebauthn/server, without a hardware key.
    const cdp = await context.newCDPSession(page);
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
    await shot('account');

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await signIn(adminEmail, newPassword);
    await page.getByRole('heading', { name: 'Second factor' }).waitFor();
    await page.getByLabel('Passkey').check();
    await page.getByRole('button', { name: 'Use a passkey' }).click();
    await expect(page.getByTestId('signed-in-as').innerText()).resolves.toBe(adminEmail);
    await cdp.detach();
  });

  it('signs in with a recovery code, which cannot be used twice', async () => {
    const [first, second] = recoveryCodes;
    if (!first || !second) throw new Error('no recovery codes from enrollment');
    const withRecoveryCode = async (code: string) => {
      await signIn(adminEmail, newPassword);
      await page.getByRole('heading', { name: 'Second factor' }).waitFor();
      await page.getByLabel('Recovery code').check();
      await page.getByLabel('Recovery code', { exact: true }).last().fill(code);
      await page.getByRole('button', { name: 'Use recovery code' }).click();
    };

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await withRecoveryCode(first);
    await expect(page.getByTestId('signed-in-as').innerText()).resolves.toBe(adminEmail);

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await withRecoveryCode(first);
    await page.getByRole('alert').waitFor();
    await page.getByLabel('Recovery code', { exact: true }).last().fill(second);
    await page.getByRole('button', { name: 'Use recovery code' }).click();
    await expect(page.getByTestId('signed-in-as').innerText()).resolves.toBe(adminEmail);
  });

  it('invites a user with a role on the demo brand: one-time password shown once, user listed', async () => {
    await page.goto('/#/users');
    await page.getByRole('heading', { name: 'Invite a user' }).waitFor();
    await page.getByLabel('Email').fill(invitedEmail);
    await page.getByLabel('Display name').fill('New Supervisor');
    await page.getByRole('button', { name: 'Add a brand role' }).click();
    await page.getByLabel('Brand of assignment 1').selectOption({ label: server.demoBrandName });
    await page.getByLabel('Role of assignment 1').selectOption('supervisor');
    await page.getByRole('button', { name: 'Invite' }).click();

    const otp = await page.getByTestId('one-time-password').innerText();
    expect(otp.length).toBeGreaterThanOrEqual(12);
    await shot('invite');
    await page.getByRole('button', { name: 'I have saved it' }).click();
    await expect(page.getByTestId('one-time-password').count()).resolves.toBe(0);

    const row = page.locator(`[data-testid="user-row"][data-email="${invitedEmail}"]`);
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain(`supervisor · ${server.demoBrandName}`);

    await row.getByRole('button', { name: 'Change roles' }).click();
    await row.getByLabel('Role of assignment 1').selectOption('qa_reviewer');
    await row.getByRole('button', { name: 'Save roles' }).click();
    await row.getByText(`qa_reviewer · ${server.demoBrandName}`).waitFor();
  });

  it('shows an API error with its request id (inviting the same email twice)', async () => {
    await page.getByLabel('Email').fill(invitedEmail);
    await page.getByLabel('Display name').fill('Duplicate');
    await page.getByRole('button', { name: 'Invite' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    await expect(page.getByTestId('request-id').innerText()).resolves.toMatch(/\S{6,}/);
  });

  it('creates a brand and changes its agent MFA policy', async () => {
    await page.goto('/#/brands');
    await page.getByRole('heading', { name: 'New brand' }).waitFor();
    await page.getByLabel('Brand name').fill('Second Brand');
    await expect(page.getByLabel('Agents must use two-factor sign-in').isChecked()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Create brand' }).click();
    const row = page.getByRole('row', { name: /Second Brand/ });
    await row.getByText('required').waitFor();

    await row.getByRole('button', { name: 'Edit Second Brand' }).click();
    const editor = page.locator('tbody form');
    await editor.getByLabel('Agents must use two-factor sign-in').uncheck();
    await editor.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('row', { name: /Second Brand/ }).getByText('optional').waitFor();
  });

  it('creates an API key (secret shown once), lists it, and revokes it', async () => {
    await page.goto('/#/api-keys');
    await page.getByRole('heading', { name: 'New API key' }).waitFor();
    await page.getByLabel('Brand', { exact: true }).selectOption({ label: server.demoBrandName });
    await page.getByLabel('Key name').fill('recorder');
    await page.getByLabel('audit.export').check();
    await page.getByLabel('Expires in (days)').fill('30');
    await page.getByRole('button', { name: 'Create key' }).click();

    const secret = await page.getByTestId('api-key-secret').innerText();
    expect(secret).toMatch(/^cvk_/);
    await shot('api-key-secret');
    await page.getByRole('button', { name: 'I have saved it' }).click();
    const row = page.locator('[data-testid="api-key-row"][data-name="recorder"]');
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain('audit.export');
    expect(await row.innerText()).not.toContain(secret.slice(-8));

    await row.getByRole('button', { name: 'Revoke recorder' }).click();
    await row.getByText(/revoked/).waitFor();
    await shot('api-keys');
  });

  it('audit explorer lists the events just made and shows a valid chain', async () => {
    await page.goto('/#/audit');
    const verdict = page.getByTestId('chain-verdict');
    await verdict.waitFor();
    await expect(verdict.innerText()).resolves.toMatch(/^Chain valid/);

    await page.getByTestId('audit-row').first().waitFor();
    const actions = await page.getByTestId('audit-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
    for (const expected of madeActions) expect(actions).toContain(expected);

    await page.getByLabel('Action').fill(madeActions[0] ?? '');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForFunction(
      (action) => Array.from(document.querySelectorAll('[data-testid="audit-row"]')).every((r) => r.getAttribute('data-action') === action),
      madeActions[0],
    );
    await shot('audit');
    expect(adminEmail).not.toBe('');
  });

  it('audit explorer pages back and forth and filters by time', async () => {
    await page.goto('/#/audit');
    const filters = page.getByRole('form', { name: 'Audit filters' });
    await filters.getByRole('button', { name: 'Clear' }).click();
    await filters.getByLabel('Rows per page').selectOption('10');
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    const rows = page.getByTestId('audit-row');
    const keysOf = async () => rows.evaluateAll((rs) => rs.map((r) => r.textContent ?? ''));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="audit-row"]').length === 10);
    const first = await keysOf();

    await page.getByRole('button', { name: 'Older' }).click();
    await page.getByText('Page 2').waitFor();
    await page.waitForFunction((before) => document.querySelector('[data-testid="audit-row"]')?.textContent !== before, first[0]);
    const second = await keysOf();
    expect(second.length).toBeGreaterThan(0);
    for (const r of second) expect(first).not.toContain(r);

    await page.getByRole('button', { name: 'Newer' }).click();
    await page.getByText('Page 1').waitFor();
    // Back on the newest page. Reading the trail is itself audited, so a few audit.read events may
    // have joined the top since; the page is newer than page 2 and still holds the first page's top.
    await page.waitForFunction((older) => {
      const top = document.querySelector('[data-testid="audit-row"]')?.textContent;
      return top !== undefined && !older.includes(top ?? '');
    }, second);
    const again = await keysOf();
    expect(again).toContain(first[0]);
    for (const r of again) expect(second).not.toContain(r);

    // Nothing happened after an hour from now.
    const later = new Date(Date.now() + 3600_000);
    const local = new Date(later.getTime() - later.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await filters.getByLabel('From').fill(local);
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('No events match.').waitFor();
  });

  it('audit explorer shows a broken chain, and where, after an event is edited in the database', async () => {
    // What an insider with database access might do: quietly change the outcome of one event.
    const db = server.server.services.db;
    const { rows } = await db.query<{ chain_id: string; seq: string }>(
      "SELECT chain_id, seq FROM audit_events WHERE brand_id = $1 AND action = 'user.create' ORDER BY seq LIMIT 1",
      [server.demoBrandId],
    );
    const target = rows[0];
    if (!target) throw new Error('no audit event on the demo brand to tamper with');
    await db.query("UPDATE audit_events SET outcome = 'failure' WHERE chain_id = $1 AND seq = $2", [target.chain_id, target.seq]);

    await page.goto('/#/audit');
    const filters = page.getByRole('form', { name: 'Audit filters' });
    await filters.getByRole('button', { name: 'Clear' }).click();
    await filters.getByLabel('Brand').selectOption({ label: server.demoBrandName });
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByTestId('chain-verdict').filter({ hasText: /^Chain BROKEN/ }).waitFor();
    await expect(page.getByTestId('chain-status').getByRole('listitem').first().innerText()).resolves.toContain(`#${target.seq}`);
    await shot('audit-broken');
  });

  it('an auditor signs in with the keyboard alone and is offered only the audit pages of their brand', async () => {
    const auditor = server.accounts.find((a) => a.role === 'auditor');
    if (!auditor) throw new Error('the demo seed has no auditor');
    const auditorPassword = 'ledger lines never lie 7';
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByLabel('Email').fill(auditor.email);
    await page.getByLabel('Password', { exact: true }).fill(auditor.oneTimePassword);
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
    const otpauth = await page.getByTestId('totp-secret').getAttribute('data-otpauth');
    const secret = new URLSearchParams(otpauth?.split('?')[1] ?? '').get('secret') ?? '';
    await page.getByLabel('6-digit code').fill(await generate({ secret }));
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'I have saved my recovery codes' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('signed-in-as').innerText()).resolves.toBe(auditor.email);

    const menu = await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allInnerTexts();
    expect(menu).toEqual(['Brands', 'Audit trail', 'My account']);
    await page.getByRole('link', { name: 'Audit trail' }).click();
    await page.getByTestId('audit-row').first().waitFor();
    const brandsShown = await page.getByTestId('audit-row').evaluateAll((rows) => rows.map((r) => r.children[2]?.textContent));
    expect(new Set(brandsShown)).toEqual(new Set([server.demoBrandName]));
  });

  it('sent x-callvault-csrf: 1 with every state-changing request, and no secret in any URL', async () => {
    const changes = sent.filter((r) => r.method !== 'GET' && r.method !== 'HEAD');
    expect(changes.length).toBeGreaterThan(20);
    expect(changes.filter((r) => r.csrf !== '1').map((r) => `${r.method} ${r.url}`)).toEqual([]);
    const secrets = [newPassword, totpSecret, ...recoveryCodes, ...server.accounts.map((a) => a.oneTimePassword)];
    for (const r of sent) for (const s of secrets) expect(decodeURIComponent(r.url)).not.toContain(s);
  });

  it('returns to sign-in with a notice when the session ends (15 minutes idle, PCI DSS 8.2.8)', async () => {
    await page.goto('/#/brands');
    await page.getByRole('heading', { name: 'Brands' }).waitFor();
    server.advanceClock(16 * 60);
    await page.getByRole('link', { name: 'Audit trail' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByText('Your session has ended. Sign in again.').waitFor();
  });
});
