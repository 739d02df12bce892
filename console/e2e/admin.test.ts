import { describe, expect, it } from 'vitest';
import { browserTestsEnabled } from './browser.js';
import { useConsoleFixture } from './fixture.js';
import { demoAccount, signInFirstTime } from './flows.js';

/** Administration through the console in a real browser: users, brands, API keys, API errors. */
describe.skipIf(!browserTestsEnabled())('console administration', () => {
  const f = useConsoleFixture();
  const invitedEmail = 'new.supervisor@example.test';

  it('signs the security admin in', async () => {
    await signInFirstTime(f, demoAccount(f, 'security_admin'), 'correct horse battery staple 42');
  });

  it('invites a user with a role on the demo brand: one-time password shown once, user listed, role changed', async () => {
    const { page, server } = f;
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
    await f.shot('invite');
    await page.getByRole('button', { name: 'I have saved it' }).click();
    expect(await page.getByTestId('one-time-password').count()).toBe(0);

    const row = page.locator(`[data-testid="user-row"][data-email="${invitedEmail}"]`);
    await row.getByText(`supervisor · ${server.demoBrandName}`).waitFor();

    await row.getByRole('button', { name: 'Change roles' }).click();
    await row.getByLabel('Role of assignment 1').selectOption('qa_reviewer');
    await row.getByRole('button', { name: 'Save roles' }).click();
    await row.getByText(`qa_reviewer · ${server.demoBrandName}`).waitFor();
  });

  it('shows an API error with its request id (inviting the same email twice)', async () => {
    const { page } = f;
    await page.getByLabel('Email').fill(invitedEmail);
    await page.getByLabel('Display name').fill('Duplicate');
    await page.getByRole('button', { name: 'Invite' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByTestId('request-id').innerText()).toMatch(/\S{6,}/);
  });

  it('creates a brand and changes its agent MFA policy', async () => {
    const { page } = f;
    await page.goto('/#/brands');
    await page.getByRole('heading', { name: 'New brand' }).waitFor();
    await page.getByLabel('Brand name').fill('Second Brand');
    expect(await page.getByLabel('Agents must use two-factor sign-in').isChecked()).toBe(true);
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
    const { page, server } = f;
    await page.goto('/#/api-keys');
    await page.getByRole('heading', { name: 'New API key' }).waitFor();
    await page.getByLabel('Brand', { exact: true }).selectOption({ label: server.demoBrandName });
    await page.getByLabel('Key name').fill('recorder');
    await page.getByLabel('audit.export').check();
    await page.getByLabel('Expires in (days)').fill('30');
    await page.getByRole('button', { name: 'Create key' }).click();

    const secret = await page.getByTestId('api-key-secret').innerText();
    expect(secret).toMatch(/^cvk_/);
    await f.shot('api-key-secret');
    await page.getByRole('button', { name: 'I have saved it' }).click();
    const row = page.locator('[data-testid="api-key-row"][data-name="recorder"]');
    await row.getByText('audit.export').waitFor();
    expect(await row.innerText()).not.toContain(secret.slice(-8));

    await row.getByRole('button', { name: 'Revoke recorder' }).click();
    await row.getByText(/revoked/).waitFor();
    await f.shot('api-keys');
  });

  it('sent x-callvault-csrf: 1 with every state-changing request', () => {
    const changes = f.sent.filter((r) => r.method !== 'GET' && r.method !== 'HEAD');
    expect(changes.map((r) => r.method)).toEqual(expect.arrayContaining(['POST', 'PUT', 'PATCH', 'DELETE']));
    expect(changes.filter((r) => r.csrf !== '1').map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });
});
