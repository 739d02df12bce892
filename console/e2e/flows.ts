import { generate } from 'otplib';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { DemoAccount } from '../../src/access/index.js';
import type { ConsoleFixture } from './fixture.js';

/** Email and password on the sign-in form. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
}

/** The base32 secret inside the otpauth:// URL the enrollment screen shows. */
export async function totpSecretOnScreen(page: Page): Promise<string> {
  const otpauth = await page.getByTestId('totp-secret').getAttribute('data-otpauth');
  return new URLSearchParams(otpauth?.split('?')[1] ?? '').get('secret') ?? '';
}

/** A TOTP code for the next 30-second step: inside the ±1 window, and not the code just used. */
export async function nextTotpCode(secret: string): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
}

/**
 * A demo account's first sign-in through the UI: one-time password, the forced password change,
 * TOTP enrollment (QR code and typed secret agree), recovery codes shown once, signed in.
 */
export async function signInFirstTime(
  f: ConsoleFixture,
  account: DemoAccount,
  newPassword: string,
): Promise<{ totpSecret: string; recoveryCodes: string[] }> {
  const { page } = f;
  await page.goto('/');
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await f.shot('login');
  await signIn(page, account.email, account.oneTimePassword);

  await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
  await page.getByLabel('Current (one-time) password').fill(account.oneTimePassword);
  await page.getByLabel('New password', { exact: true }).fill(newPassword);
  await page.getByLabel('Repeat new password').fill(newPassword);
  await f.shot('password-change');
  await page.getByRole('button', { name: 'Change password' }).click();

  await page.getByRole('heading', { name: 'Set up two-factor sign-in' }).waitFor();
  await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
  const totpSecret = await totpSecretOnScreen(page);
  expect(totpSecret).toMatch(/^[A-Z2-7]{16,}$/);
  expect((await page.getByTestId('totp-secret').innerText()).replace(/\s/g, '')).toBe(totpSecret);
  expect(await page.getByRole('img', { name: /QR code/ }).isVisible()).toBe(true);
  await f.shot('enroll');

  await page.getByLabel('6-digit code').fill(await generate({ secret: totpSecret }));
  await page.getByRole('button', { name: 'Confirm' }).click();
  const recoveryCodes = await page.getByTestId('recovery-codes').locator('li').allInnerTexts();
  expect(recoveryCodes.length).toBeGreaterThanOrEqual(8);
  expect(new Set(recoveryCodes).size).toBe(recoveryCodes.length);
  await f.shot('recovery-codes');
  await page.getByRole('button', { name: 'I have saved my recovery codes' }).click();
  expect(await page.getByTestId('signed-in-as').innerText()).toBe(account.email);
  return { totpSecret, recoveryCodes };
}

export function demoAccount(f: ConsoleFixture, role: DemoAccount['role']): DemoAccount {
  const account = f.server.accounts.find((a) => a.role === role);
  if (!account) throw new Error(`the demo seed has no ${role}`);
  return account;
}
