import { describe, expect, it } from 'vitest';
import { browserTestsEnabled } from './browser.js';
import { useConsoleFixture } from './fixture.js';
import { demoAccount, signInFirstTime, signOut } from './flows.js';

/**
 * The Retention page in a real browser: the security admin sets days per class for the demo brand
 * (the audit floor refused with its reason), places and releases a legal hold, and runs a purge
 * whose report shows per class; the auditor reads the same page without any control to change it.
 */
describe.skipIf(!browserTestsEnabled())('console retention', () => {
  const f = useConsoleFixture();

  it('a security admin sets days, is refused below the audit floor, holds the brand and runs a purge', async () => {
    const { page } = f;
    await signInFirstTime(f, demoAccount(f, 'security_admin'), 'purge policy passphrase 31');
    await page.goto('/#/retention');
    await page.getByRole('heading', { name: 'Retention', exact: true }).waitFor();

    await page.getByLabel('Days for Audit events').fill('100');
    await page.getByRole('button', { name: 'Save policies' }).click();
    await page.getByText(/at least 365 days/).waitFor();
    await page.getByLabel('Days for Audit events').fill('400');
    await page.getByLabel('Days for Redacted calls', { exact: false }).fill('30');
    await page.getByRole('button', { name: 'Save policies' }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();
    // The row is re-read after the save lands: wait for it rather than read it once.
    await page.getByTestId('retention-redacted_calls').getByText('brand policy').waitFor();

    await page.getByLabel('Case reference').fill('2026-CV-0142');
    await page.getByRole('button', { name: 'Place hold' }).click();
    const hold = page.getByTestId('legal-hold').filter({ hasText: '2026-CV-0142' });
    await hold.getByText('whole brand').waitFor();

    await page.getByRole('button', { name: 'Run purge now' }).click();
    const run = page.getByTestId('purge-run').first();
    await run.waitFor();
    await run.getByText('Report').click();
    await run.getByText('kept: audit trail is append-only').waitFor();
    expect(await run.innerText()).toContain('on demand');
    await f.shot('retention-admin');

    await hold.getByRole('button', { name: 'Release' }).click();
    await page.getByText('No legal holds.').waitFor();
    await signOut(page);
  });

  it('the auditor reads policies, holds and runs, with nothing to change', async () => {
    const { page } = f;
    await signInFirstTime(f, demoAccount(f, 'auditor'), 'keeping records passphrase 32');
    await page.goto('/#/retention');
    await page.getByRole('heading', { name: 'Retention', exact: true }).waitFor();
    await page.getByTestId('retention-redacted_calls').getByText('30').waitFor();
    await page.getByTestId('purge-run').first().waitFor();
    expect(await page.getByRole('button', { name: 'Save policies' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Run purge now' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Place hold' }).count()).toBe(0);
    await f.shot('retention-auditor');
  });
});
