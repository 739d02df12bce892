import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { browserTestsEnabled } from './browser.js';
import { useConsoleFixture } from './fixture.js';

const system = { actor: { kind: 'system' as const, id: 'e2e' }, isSecurityAdmin: false, roles: new Map() };

/**
 * A vendor contact answers a questionnaire through its link with no session: a follow-up appears
 * after a "yes", the answers are submitted and confirmed, and the score reaches the reviewer. An
 * expired link says so. The questionnaire is sent and accepted through the service here; the admin's
 * side in the browser is console/e2e/questionnaire-admin.test.ts.
 */
describe.skipIf(!browserTestsEnabled())('console vendor questionnaire', () => {
  const f = useConsoleFixture();

  it('answers through the link without signing in; a conditional question appears; the score is stored', async () => {
    const { page, server } = f;
    const services = server.server.services;
    const vendorId = randomUUID();
    await services.db.query(`INSERT INTO vendors (id, name, kind, next_review_at, created_by, created_at, updated_at) VALUES ($1, 'E2E Partner', 'qa_outsourcer', now() + interval '400 days', 'e2e', now(), now())`, [vendorId]);
    const { questionnaire, link } = await services.questionnaires.send(system, { vendorId });
    await page.goto(`/#/questionnaire/${link.token}`);
    await page.getByRole('heading', { name: 'Vendor security questionnaire' }).waitFor();
    const fieldset = (id: string) => page.locator(`[data-question="${id}"]`);
    expect(await fieldset('card_storage_protection').count()).toBe(0);
    await fieldset('stores_card_data').getByLabel('Yes').check();
    await fieldset('card_storage_protection').waitFor();
    await fieldset('card_storage_protection').getByLabel('Not encrypted').check();
    await fieldset('card_storage_where').locator('textarea').fill('Our billing database, 30 days');
    await fieldset('pci_compliant').getByLabel('Yes').check();
    await fieldset('pci_aoc_date').locator('input').fill(new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10));
    await fieldset('pci_validation').getByLabel(/Report on Compliance/).check();
    await fieldset('takes_card_payments').getByLabel('No').check();
    await fieldset('pii_redaction').getByLabel(/transcripts and in recordings/).check();
    await fieldset('recording_retention_days').locator('input').fill('90');
    await fieldset('agent_mfa').getByLabel(/every sign-in/).check();
    await fieldset('remote_agents').getByLabel('No').check();
    await fieldset('encryption_at_rest').getByLabel('Yes').check();
    await fieldset('transport_protocol').getByLabel('TLS 1.3').check();
    await fieldset('breach_notification_hours').locator('input').fill('24');
    await fieldset('uses_subprocessors').getByLabel('No').check();
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText(/Draft saved/).waitFor();
    await page.getByRole('button', { name: 'Submit answers' }).click();
    await page.getByTestId('questionnaire-submitted').waitFor();
    const view = await services.questionnaires.get(system, questionnaire.id);
    expect(view).toMatchObject({ status: 'submitted', riskScore: 55 });
    const accepted = await services.questionnaires.accept(system, questionnaire.id);
    expect(new Date(accepted.nextReviewAt).getTime()).toBeLessThan(Date.now() + 181 * 86_400_000);
  });

  it('an expired link shows a clear message', async () => {
    const { page, server } = f;
    const services = server.server.services;
    const vendorId = randomUUID();
    await services.db.query(`INSERT INTO vendors (id, name, kind, next_review_at, created_by, created_at, updated_at) VALUES ($1, 'E2E Expired', 'other', now() + interval '400 days', 'e2e', now(), now())`, [vendorId]);
    const { questionnaire, link } = await services.questionnaires.send(system, { vendorId });
    await services.db.query("UPDATE questionnaire_links SET expires_at = now() - interval '1 minute' WHERE questionnaire_id = $1", [questionnaire.id]);
    await page.goto('/#/');
    await page.goto(`/#/questionnaire/${link.token}`);
    await page.reload();
    await page.getByRole('alert').getByText(/link has expired/).waitFor();
  });
});
