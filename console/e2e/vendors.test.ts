import { describe, expect, it } from 'vitest';
import { browserTestsEnabled } from './browser.js';
import { useConsoleFixture } from './fixture.js';
import { demoAccount, signInFirstTime, signOut } from './flows.js';

const isoDay = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The Vendors page in a real browser: the security admin registers a vendor on the demo brand,
 * records a certification that expires soon (it shows on the dashboard), uploads an evidence file
 * and revokes the vendor through its confirmation; the auditor of the brand reads it all without a
 * control to change anything.
 */
describe.skipIf(!browserTestsEnabled())('console vendors', () => {
  const f = useConsoleFixture();

  it('a security admin registers a vendor, adds a certification and evidence, and revokes it after confirming', async () => {
    const { page } = f;
    await signInFirstTime(f, demoAccount(f, 'security_admin'), 'registry steward passphrase 41');
    await page.goto('/#/vendors');
    await page.getByRole('heading', { name: 'Vendors', exact: true }).waitFor();
    await page.getByText('Register a vendor').click();
    await page.getByLabel('Name').fill('Acme QA Partners');
    await page.getByLabel('Kind').selectOption('qa_outsourcer');
    await page.getByLabel(f.server.demoBrandName).check();
    await page.getByLabel(`Data access for ${f.server.demoBrandName}`).fill('redacted recordings, for QA scoring');
    await page.getByRole('button', { name: 'Register' }).click();
    await page.getByRole('heading', { name: 'Acme QA Partners' }).waitFor();
    await page.getByText('redacted recordings, for QA scoring').waitFor();

    await page.getByLabel('Kind').selectOption('pci_dss_aoc');
    await page.getByLabel('Certificate id').fill('AOC-2026-7');
    await page.getByLabel('Issued').fill(isoDay(-300));
    await page.getByLabel('Expires').fill(isoDay(10));
    await page.getByRole('button', { name: 'Add certification' }).click();
    await page.getByTestId('vendor-certification').getByText('expiring').waitFor();

    await page.getByLabel(/^File/).setInputFiles({ name: 'aoc.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 attestation of compliance') });
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.getByTestId('vendor-evidence').getByText('aoc.pdf').waitFor();

    await page.goto('/#/vendors');
    await page.getByTestId('vendor-certification-alert').filter({ hasText: 'Acme QA Partners' }).waitFor();
    await page.getByTestId('vendor-row').getByRole('link', { name: 'Acme QA Partners' }).click();

    await page.getByRole('button', { name: 'Revoke vendor…' }).click();
    const confirm = page.getByRole('button', { name: 'Revoke all access' });
    expect(await confirm.isDisabled()).toBe(true);
    await page.getByLabel("Type the vendor's name to confirm").fill('Acme QA Partners');
    await confirm.click();
    await page.getByTestId('vendor-revoked').waitFor();
    // The status line is re-read after the revocation lands: wait for it rather than read it once.
    await page.getByTestId('vendor-status').filter({ hasText: /revoked/i }).waitFor();
    await f.shot('vendors-admin');
    await signOut(page);
  });

  it('the auditor of the brand reads the vendor, with nothing to change', async () => {
    const { page } = f;
    await signInFirstTime(f, demoAccount(f, 'auditor'), 'registry reader passphrase 42');
    await page.goto('/#/vendors');
    await page.getByTestId('vendor-row').getByRole('link', { name: 'Acme QA Partners' }).click();
    await page.getByTestId('vendor-evidence').getByText('aoc.pdf').waitFor();
    expect(await page.getByRole('button', { name: 'Add certification' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Upload' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Revoke vendor…' }).count()).toBe(0);
    await f.shot('vendors-auditor');
  });
});
