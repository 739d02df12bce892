import { describe, expect, it } from 'vitest';
import { browserTestsEnabled } from './browser.js';
import { useConsoleFixture } from './fixture.js';
import { demoAccount, signInFirstTime, signOut } from './flows.js';
import { answerAsVendor } from './questionnaire-answers.js';

/**
 * The reviewer's side in a real browser: a signed-in security admin sends the questionnaire from the
 * Questionnaires page and copies the link shown once; the vendor contact, in a fresh browser context
 * with no session, answers and submits; the admin opens the submission (answers as given, findings
 * with severities and controls, the risk score) and accepts it, and the vendor's next review date
 * moves closer. The auditor of the brand then reads it with no decision to make.
 */
describe.skipIf(!browserTestsEnabled())('console questionnaire review', () => {
  const f = useConsoleFixture();
  const vendorName = 'Northwind Dialers';

  it('an admin sends the questionnaire, the vendor answers through the copied link, the admin accepts it', async () => {
    const { page, server } = f;
    await signInFirstTime(f, demoAccount(f, 'security_admin'), 'questionnaire steward passphrase 51');
    await page.goto('/#/vendors');
    await page.getByText('Register a vendor').click();
    await page.getByLabel('Name').fill(vendorName);
    await page.getByLabel('Kind').selectOption('telephony');
    await page.getByLabel(server.demoBrandName).check();
    await page.getByRole('button', { name: 'Register' }).click();
    await page.getByRole('heading', { name: vendorName }).waitFor();
    await page.getByText('No questionnaire sent yet.').waitFor();
    const vendorUrl = page.url();
    const reviewLine = page.getByText(/next review .* last review/);
    const before = await reviewLine.innerText();

    await page.getByRole('link', { name: 'Questionnaires', exact: true }).click();
    await page.getByRole('heading', { name: 'Questionnaires', exact: true }).waitFor();
    await page.getByText('Send a questionnaire').click();
    await page.getByLabel('Vendor').selectOption({ label: vendorName });
    await page.getByLabel('Link valid for (days)').fill('7');
    await page.getByRole('button', { name: 'Send questionnaire' }).click();
    const shown = await page.getByTestId('questionnaire-link').innerText();
    expect(shown).toMatch(new RegExp(`^${server.url}/#/questionnaire/cvq_[A-Za-z0-9_-]{43}$`));
    await f.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await page.getByTestId('secret-once').getByRole('button', { name: 'Copy' }).click();
    await page.getByRole('button', { name: 'Copied' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(shown);
    await page.getByRole('button', { name: 'I have sent it' }).click();
    // Shown once: gone from the page, and the list has no way to show it again.
    expect(await page.getByTestId('questionnaire-link').count()).toBe(0);
    const row = page.getByTestId('questionnaire-row').filter({ hasText: vendorName });
    await row.getByText('Waiting for answers').waitFor();
    expect(await page.locator('body').innerText()).not.toContain(copied.split('/#/questionnaire/')[1]!);
    // A second one while this is open is refused with the server's reason (the form is still unfolded).
    await page.getByLabel('Vendor').selectOption({ label: vendorName });
    await page.getByRole('button', { name: 'Send questionnaire' }).click();
    await page.getByRole('alert').getByText(/already has a questionnaire waiting/).waitFor();

    const vendorContext = await f.context.browser()!.newContext({ baseURL: server.url });
    try {
      const vendorPage = await vendorContext.newPage();
      await vendorPage.goto(copied);
      await vendorPage.getByRole('heading', { name: 'Vendor security questionnaire' }).waitFor();
      await answerAsVendor(vendorPage);
      await vendorPage.getByRole('button', { name: 'Submit answers' }).click();
      await vendorPage.getByTestId('questionnaire-submitted').waitFor();
      expect(await vendorContext.cookies()).toEqual([]);
    } finally {
      await vendorContext.close();
    }

    await page.getByLabel('Status').selectOption('submitted');
    await page.getByTestId('questionnaire-row').filter({ hasText: vendorName }).getByRole('link').click();
    await page.getByRole('heading', { name: new RegExp(vendorName) }).waitFor();
    expect(await page.getByTestId('questionnaire-risk-score').innerText()).toBe('55');
    const findings = page.getByTestId('questionnaire-finding');
    expect(await findings.count()).toBeGreaterThan(0);
    const findingTexts = await findings.allInnerTexts();
    expect(findingTexts.some((t) => /PCI DSS/.test(t))).toBe(true);
    expect(findingTexts.some((t) => /^(critical|high)/i.test(t))).toBe(true);
    const answer = (id: string) => page.locator(`[data-testid="questionnaire-answer"][data-question="${id}"]`);
    expect(await answer('card_storage_protection').innerText()).toContain('Not encrypted');
    expect(await answer('card_storage_where').innerText()).toContain('Our billing database, 30 days');
    expect(await answer('recording_retention_days').innerText()).toContain('90');
    await f.shot('questionnaire-review');

    await page.getByRole('button', { name: 'Accept' }).click();
    await page.getByTestId('questionnaire-accepted').waitFor();
    // The status is re-read after the acceptance lands: wait for it rather than read it once.
    await page.getByTestId('questionnaire-status').filter({ hasText: /accepted/i }).waitFor();
    expect(await page.getByRole('button', { name: 'Accept' }).count()).toBe(0);

    // Risk 55 caps the vendor's review interval (365 days by default) at 180 days.
    const { rows } = await server.server.services.db.query<{ next_review_at: Date }>('SELECT next_review_at FROM vendors WHERE name = $1', [vendorName]);
    const next = new Date(rows[0]!.next_review_at);
    expect(next.getTime()).toBeLessThan(Date.now() + 181 * 86_400_000);
    await page.goto(vendorUrl);
    await page.getByRole('heading', { name: vendorName }).waitFor();
    const expected = await page.evaluate((iso) => new Date(iso).toLocaleString(), next.toISOString());
    await page.getByText(`next review ${expected}`).waitFor();
    const after = await reviewLine.innerText();
    expect(after).not.toBe(before);
    expect(after).toContain('risk 55');
    await page.getByRole('region', { name: 'Questionnaires' }).getByText('Accepted').waitFor();

    for (const r of f.sent.filter((s) => s.method !== 'GET')) expect(r.csrf).toBe('1');
    await signOut(page);
  });

  it('the auditor of the brand reads the submission, with no decision to make', async () => {
    const { page } = f;
    await signInFirstTime(f, demoAccount(f, 'auditor'), 'questionnaire reader passphrase 52');
    await page.goto('/#/questionnaires');
    expect(await page.getByText('Send a questionnaire').count()).toBe(0);
    await page.getByTestId('questionnaire-row').filter({ hasText: vendorName }).getByRole('link').click();
    expect(await page.getByTestId('questionnaire-risk-score').innerText()).toBe('55');
    await page.getByTestId('questionnaire-finding').first().waitFor();
    expect(await page.getByRole('button', { name: /Accept|Ask again|Reject/ }).count()).toBe(0);
    await f.shot('questionnaire-auditor');
  });
});
