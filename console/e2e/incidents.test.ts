import { describe, expect, it } from 'vitest';
import { browserTestsEnabled } from './browser.js';
import { useConsoleFixture } from './fixture.js';
import { demoAccount, signInFirstTime } from './flows.js';

/**
 * From alert to incident in a real browser: real wrong passwords against the demo agent raise an
 * alert, the security admin opens an incident from it in one click, and the incident page shows
 * its clocks counting down, its playbook tasks, the timeline and containment.
 */
describe.skipIf(!browserTestsEnabled())('console alerts and incidents', () => {
  const f = useConsoleFixture();

  it('an alert raised by sign-in failures is listed with its reasons and evidence', async () => {
    const { page, server } = f;
    await signInFirstTime(f, demoAccount(f, 'security_admin'), 'correct horse battery staple 42');
    const agent = demoAccount(f, 'agent');
    for (let i = 0; i < 6; i++) {
      await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-callvault-csrf': '1' },
        body: JSON.stringify({ email: agent.email, password: `not the password ${i}` }),
      });
    }
    expect((await server.server.services.detection.scan()).raised).toBeGreaterThanOrEqual(1);
    await page.goto('/#/alerts');
    const card = page.getByTestId('alert-card').filter({ hasText: /failed sign-ins|password/i }).first();
    await card.waitFor();
    expect(await card.innerText()).toMatch(/Evidence: \d+ audit event/);
    await f.shot('alerts');
  });

  it('opens an incident from the alert in one click: clocks count down, tasks, timeline, containment', async () => {
    const { page } = f;
    const card = page.getByTestId('alert-card').filter({ hasText: /failed sign-ins|password/i }).first();
    await card.getByRole('button', { name: 'Open incident' }).click();
    await page.waitForURL(/#\/incidents\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: /Incident #\d+: Account compromise/ }).waitFor();
    expect(await page.getByTestId('incident-status').innerText()).toBe('Open');
    expect(await page.getByTestId('incident-suspect').innerText()).toMatch(/^user [0-9a-f-]{36}$/);

    // The GDPR clock counts down from 72 hours, second by second.
    const gdpr = page.getByTestId('clock-gdpr_authority');
    const before = await gdpr.innerText();
    expect(before).toMatch(/^2 d 23 h 5\d m \d\d s left$/);
    await page.waitForFunction((b) => document.querySelector('[data-testid="clock-gdpr_authority"]')?.textContent !== b, before);

    const tasks = page.getByTestId('incident-tasks').getByRole('checkbox');
    expect(await tasks.count()).toBeGreaterThanOrEqual(5);
    await tasks.first().click(); // controlled: it ticks once the server has recorded it
    await page.waitForFunction(() => (document.querySelector('[data-testid="incident-tasks"] input') as HTMLInputElement | null)?.checked === true);

    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'End sessions' }).click();
    const timeline = page.getByTestId('incident-timeline');
    await timeline.getByText(/Containment: ended the sessions of user/).waitFor();
    await timeline.getByText(/Alert \(medium/).waitFor();
    await timeline.getByText(/Incident opened \(alert/).waitFor();

    await page.getByRole('button', { name: 'Take ownership' }).click();
    await page.getByTestId('incident-owner').filter({ hasText: /^you/ }).waitFor();
    await page.getByLabel('Move to').selectOption('triage');
    await page.getByTestId('incident-status').filter({ hasText: 'Triage' }).waitFor();
    await f.shot('incident');

    await page.goto('/#/alerts');
    await page.getByLabel('Status').selectOption('incident');
    await page.getByTestId('alert-card').getByRole('link', { name: 'Go to the incident' }).first().waitFor();
    await page.goto('/#/incidents');
    await page.getByTestId('incident-row').first().waitFor();
  });
});
