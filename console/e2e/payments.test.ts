import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../../src/access/index.js';
import { signBody } from '../../src/payments/index.js';
import { browserTestsEnabled } from './browser.js';
import { useConsoleFixture } from './fixture.js';
import { demoAccount, signIn } from './flows.js';

const operator: Principal = { actor: { kind: 'system', id: 'e2e-telephony-setup' }, isSecurityAdmin: true, roles: new Map() };

/**
 * The agent's payment panel in a real browser, driven the way a call drives it: the telephony
 * platform posts each key the customer presses (signed, with its API key) while the agent watches
 * the masked progress, asks for a field again, charges, and cancels another payment. The page
 * never holds more than the last four digits.
 */
describe.skipIf(!browserTestsEnabled())('console payment panel', () => {
  const f = useConsoleFixture();
  let apiKey = '';
  let secret = '';
  let seq = 0;

  /** The customer presses keys on the phone: one signed keypress message per key, as the telephony platform sends them. */
  async function customerKeys(callRef: string, keys: string): Promise<void> {
    for (const key of keys) {
      const body = JSON.stringify({ callRef, eventId: `e2e-${++seq}`, key });
      const res = await fetch(`${f.server.url}/api/v1/payments/keypresses`, {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', ...signBody(secret, body, new Date()) },
        body,
      });
      expect(res.status).toBe(202);
    }
  }
  const text = (page: Page, testId: string) => page.getByTestId(testId).innerText();
  const stateIs = (page: Page, label: string) => page.getByTestId('payment-state').filter({ hasText: label }).waitFor();
  const digitRuns = async (page: Page) => (await page.locator('body').innerText()).match(/\d{5,}/g) ?? [];

  it('the demo agent signs in and finds the payment page', async () => {
    const { page, server } = f;
    const services = server.server.services;
    apiKey = (await services.access.apiKeys.create(operator, server.demoBrandId, { name: 'telephony (e2e)', scopes: ['payment.capture'], expiresInDays: 1 })).secret;
    secret = (await services.payments.rotateSigningSecret(operator, server.demoBrandId)).secret;

    const agent = demoAccount(f, 'agent');
    await page.goto('/');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await signIn(page, agent.email, agent.oneTimePassword);
    await page.getByLabel('Current (one-time) password').fill(agent.oneTimePassword);
    await page.getByLabel('New password', { exact: true }).fill('keypad takes the card 7 times');
    await page.getByLabel('Repeat new password').fill('keypad takes the card 7 times');
    await page.getByRole('button', { name: 'Change password' }).click();
    expect(await text(page, 'signed-in-as')).toBe(agent.email);
    await page.getByRole('link', { name: 'Take a payment' }).click();
    await page.getByRole('heading', { name: 'Take a payment' }).waitFor();
  });

  it('shows the card keyed on the phone as masked progress only, asks for the code again, and charges', async () => {
    const { page } = f;
    await page.getByLabel('Call reference').fill('e2e-call-1');
    await page.getByLabel('Amount').fill('49.99');
    await page.getByLabel('Description').fill('Annual plan renewal');
    await page.getByRole('button', { name: 'Start keypad payment' }).click();
    await stateIs(page, 'Customer is keying');
    expect(await page.getByTestId('payment-panel').getByRole('heading').innerText()).toContain('49.99');

    await customerKeys('e2e-call-1', '42424242');
    await page.getByTestId('field-card_number').filter({ hasText: '8 digits keyed' }).waitFor();
    expect(await text(page, 'card-brand')).toBe('visa');
    expect(await text(page, 'masked-card')).toBe('•••• •••• •••• ••••');
    await customerKeys('e2e-call-1', '42424242#');
    await page.getByTestId('masked-card').filter({ hasText: '•••• •••• •••• 4242' }).waitFor();
    expect(await text(page, 'field-card_number')).toContain('valid (16 digits)');
    await f.shot('payment-card-keyed');

    await customerKeys('e2e-call-1', '1230');
    await page.getByTestId('field-expiry').filter({ hasText: 'valid (4 digits)' }).waitFor();
    await customerKeys('e2e-call-1', '123');
    await stateIs(page, 'Ready to charge');

    // The customer was unsure of the code: the agent has it keyed again.
    await page.getByTestId('field-security_code').getByRole('button', { name: 'Ask again' }).click();
    await stateIs(page, 'Customer is keying');
    await customerKeys('e2e-call-1', '737');
    await stateIs(page, 'Ready to charge');
    expect(await digitRuns(page)).toEqual([]);
    await f.shot('payment-ready');

    await page.getByRole('button', { name: /^Charge/ }).click();
    await stateIs(page, 'Payment taken');
    expect(await text(page, 'processor-reference')).toMatch(/^sbx_[0-9a-f]+$/);
    expect(await text(page, 'masked-card')).toBe('•••• •••• •••• 4242');
    const body = await page.locator('body').innerText();
    expect(body).not.toContain('4242424242');
    expect(body).not.toContain('737');
    await f.shot('payment-taken');
  });

  it('a number that fails its check is shown as not valid, and the agent cancels', async () => {
    const { page } = f;
    await page.getByRole('button', { name: 'Take another payment' }).click();
    await page.getByLabel('Call reference').fill('e2e-call-2');
    await page.getByLabel('Amount').fill('12');
    await page.getByLabel('Description').fill('Delivery fee');
    await page.getByRole('button', { name: 'Start keypad payment' }).click();
    await stateIs(page, 'Customer is keying');
    await customerKeys('e2e-call-2', '4242424242424241#');
    await page.getByTestId('field-card_number').filter({ hasText: 'not valid' }).waitFor();
    expect(await text(page, 'masked-card')).toBe('•••• •••• •••• ••••');
    await page.getByRole('button', { name: 'Cancel payment' }).click();
    await stateIs(page, 'Cancelled');
    expect(await page.getByRole('button', { name: 'Cancel payment' }).count()).toBe(0);
  });

  it('sent every state-changing request with the CSRF header, and the agent cannot post keys', async () => {
    const changes = f.sent.filter((r) => r.method !== 'GET');
    expect(changes.length).toBeGreaterThan(3);
    expect(changes.every((r) => r.csrf === '1')).toBe(true);
    const asAgent = await f.page.evaluate(async () => (await fetch('/api/v1/payments/keypresses', { method: 'POST', headers: { 'content-type': 'application/json', 'x-callvault-csrf': '1' }, body: JSON.stringify({ callRef: 'e2e-call-2', eventId: 'agent-1', key: '4' }) })).status);
    expect(asAgent).toBe(403);
  });
});
