import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { browserTestsEnabled } from './browser.js';
import { useConsoleFixture } from './fixture.js';
import { answerAsVendor } from './questionnaire-answers.js';

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
    await answerAsVendor(page);
    await fieldset('card_storage_protection').waitFor();
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
