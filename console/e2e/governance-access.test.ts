import { describe, expect, it } from 'vitest';
import type { Principal } from '../../src/access/index.js';
import { browserTestsEnabled } from './browser.js';
import { useConsoleFixture } from './fixture.js';
import { demoAccount, signInFirstTime, signOut } from './flows.js';

const operator: Principal = { actor: { kind: 'system', id: 'e2e-operator' }, isSecurityAdmin: true, roles: new Map() };

/**
 * Access review and training in a real browser: the security admin opens a campaign for the demo
 * brand and makes a module required; the supervisor answers the brand's items with Confirm and
 * Remove (and cannot answer their own); the removed agent really loses the brand.
 */
describe.skipIf(!browserTestsEnabled())('console access review and training', () => {
  const f = useConsoleFixture();
  const userId = async (email: string) => (await f.server.server.services.access.users.list(operator)).find((u) => u.email === email)!;

  it('a security admin opens a campaign for the demo brand and sets its required training', async () => {
    const { page, server } = f;
    await signInFirstTime(f, demoAccount(f, 'security_admin'), 'correct horse battery staple 42');
    await page.goto('/#/recertification');
    await page.getByRole('heading', { name: 'Access review', exact: true }).waitFor();
    await page.getByText('Open a campaign').click();
    await page.getByLabel(server.demoBrandName).check();
    await page.getByLabel('Days to answer').fill('10');
    await page.getByRole('button', { name: 'Open campaign' }).click();
    await page.waitForURL(/#\/recertification\/[0-9a-f-]{36}$/);
    // Four people of the demo brand (the admin is BPO-wide, not an item).
    await page.getByTestId('campaign-counts').filter({ hasText: /^4 — 4 unanswered/ }).waitFor();
    await f.shot('recert-campaign-admin');

    await page.goto('/#/training');
    await page.getByRole('heading', { name: 'Training', exact: true }).waitFor();
    await page.getByTestId('training-module-row').first().waitFor();
    await page.getByLabel('Handling card and personal data').check();
    await page.getByRole('button', { name: 'Save requirements' }).click();
    await page.getByTestId('training-coverage').getByText(/hold every required module \(data_handling\)/).waitFor();
    await page.getByTestId('training-coverage').filter({ hasText: '0% of 4 people' }).waitFor();
    const qa = await userId(demoAccount(f, 'qa_reviewer').email);
    await page.getByLabel('User id').fill(qa.id);
    await page.getByRole('button', { name: 'Record completion' }).click();
    await page.getByText(/Recorded; valid until/).waitFor();
    await page.getByTestId('training-coverage').getByText('25% of 4 people').waitFor();
    await f.shot('training-admin');
    await signOut(page);
  });

  it('the supervisor confirms and removes the brand items; the removed agent loses the brand', async () => {
    const { page, server } = f;
    await signInFirstTime(f, demoAccount(f, 'supervisor'), 'night shift reviewer phrase 31');
    await page.goto('/#/recertification');
    await page.getByTestId('recert-campaign-row').first().getByRole('link').click();
    await page.waitForURL(/#\/recertification\/[0-9a-f-]{36}$/);
    const row = (name: string) => page.getByTestId('recert-item').filter({ hasText: name });
    await row('Demo Agent').waitFor();
    // Their own access is for someone else to confirm.
    expect(await row('Demo Supervisor').getByRole('button').count()).toBe(0);
    await row('Demo QA Reviewer').getByRole('button', { name: 'Confirm' }).click();
    await row('Demo QA Reviewer').getByTestId('recert-decision').getByText('Confirmed').waitFor();
    await row('Demo Agent').getByLabel('Note').fill('moved to another client');
    await row('Demo Agent').getByRole('button', { name: 'Remove' }).click();
    await row('Demo Agent').getByTestId('recert-decision').getByText(/Removed by reviewer .*moved to another client/).waitFor();
    await page.getByTestId('campaign-counts').filter({ hasText: /2 unanswered, 1 confirmed, 1 removed by reviewers/ }).waitFor();
    await f.shot('recert-campaign-supervisor');

    const agent = await userId(demoAccount(f, 'agent').email);
    expect(agent.assignments.map((a) => a.brandId)).not.toContain(server.demoBrandId);
    expect(f.sent.filter((r) => r.method !== 'GET').every((r) => r.csrf === '1')).toBe(true);
  });
});
