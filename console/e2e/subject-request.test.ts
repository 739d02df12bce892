import { describe, expect, it } from 'vitest';
import type { Principal } from '../../src/access/index.js';
import { browserTestsEnabled } from './browser.js';
import { useConsoleFixture } from './fixture.js';
import { demoAccount, signInFirstTime } from './flows.js';

const operator: Principal = { actor: { kind: 'system', id: 'e2e-operator' }, isSecurityAdmin: true, roles: new Map() };
const EXTERNAL_ID = 'dsr-e2e-call-1';

/**
 * An erasure request in a real browser: a call of the demo brand in which the customer gives a
 * known phone number; the security admin opens a GDPR erasure request for that number typed in
 * another format, finds the call, erases it after confirming, closes the request and sees the
 * certificate. The call is then gone from the calls list.
 */
describe.skipIf(!browserTestsEnabled())('console data-subject requests', () => {
  const f = useConsoleFixture({ demoCalls: true });

  it('an admin finds the call of a known phone number, erases it, and sees the certificate', async () => {
    const { page, server } = f;
    const transcript = JSON.stringify({
      format: 'callvault.conversation',
      version: 1,
      turns: [
        { speaker: 'agent', channel: 0, start: 0, end: 2, text: 'What number should we call you back on?' },
        { speaker: 'customer', channel: 0, start: 2, end: 6, text: 'It is (646) 555-0199, after six please.' },
      ],
    });
    await server.server.services.calls.ingest.ingest(operator, server.demoBrandId, { metadata: { externalId: EXTERNAL_ID }, transcript });
    await server.server.worker.runUntilIdle();

    await signInFirstTime(f, demoAccount(f, 'security_admin'), 'correct horse battery staple 42');
    await page.goto('/#/calls');
    await page.getByRole('link', { name: EXTERNAL_ID }).waitFor();

    await page.getByRole('link', { name: 'Data-subject requests' }).click();
    await page.getByRole('heading', { name: 'Data-subject requests' }).waitFor();
    await page.getByText('New request').click();
    await page.getByLabel('Kind').selectOption('gdpr:erasure');
    await page.getByLabel('Phone numbers').fill('+1 646 555 0199');
    await page.getByRole('button', { name: 'Open the request' }).click();
    await page.waitForURL(/#\/subject-requests\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: /Data-subject request DSR-\d+: GDPR erasure/ }).waitFor();
    expect(await page.getByTestId('dsr-status').innerText()).toBe('Open');
    expect(await page.getByTestId('dsr-clock').innerText()).toMatch(/^\d+ d \d\d h \d\d m \d\d s left$/);
    // The number typed is not shown back: only the identifier's type.
    expect(await page.locator('main').innerText()).not.toContain('555 0199');

    await page.getByRole('button', { name: 'Find calls' }).click();
    const row = page.getByTestId('dsr-call').filter({ hasText: EXTERNAL_ID });
    await row.waitFor();
    expect(await page.getByTestId('dsr-call').count()).toBe(1);
    expect(await page.getByTestId('dsr-status').innerText()).toBe('Calls found');

    await page.getByRole('button', { name: 'Erase…' }).click();
    await page.getByRole('heading', { name: 'Erase 1 call(s)?' }).waitFor();
    await page.getByRole('button', { name: 'Erase permanently' }).click();
    await page.getByText('1 call(s) erased, 0 kept under a legal hold.').waitFor();
    await page.getByTestId('dsr-status').filter({ hasText: 'Erased' }).waitFor();
    await f.shot('subject-request-erased');

    await page.getByRole('button', { name: 'Close' }).click();
    const cert = page.getByTestId('certificate');
    await cert.waitFor();
    const text = await cert.innerText();
    expect(text).toContain('Outcome: erased, on time');
    expect(text).toMatch(/Erased: 1 call\(s\), 1 key\(s\) destroyed/);
    expect(text).toMatch(/call\.erase #\d+/);
    expect(text).not.toContain('0199');
    await f.shot('subject-request-certificate');

    await page.goto('/#/calls');
    // The demo brand's other calls are still listed; the erased one is not.
    await page.getByTestId('call-row').first().waitFor();
    expect(await page.getByRole('link', { name: EXTERNAL_ID }).count()).toBe(0);
  });
});
