import { describe, expect, it } from 'vitest';
import { browserTestsEnabled } from './browser.js';
import { useConsoleFixture } from './fixture.js';
import { demoAccount, signInFirstTime } from './flows.js';

/**
 * The audit explorer in a real browser: the events this file makes appear, with a valid chain;
 * filters and paging; and a chain edited behind the server's back is shown as broken, at the
 * right sequence number.
 */
describe.skipIf(!browserTestsEnabled())('console audit explorer', () => {
  const f = useConsoleFixture();
  /** What this file does through the console that the audit trail must show. */
  const madeActions = ['auth.login', 'mfa.totp_confirm', 'brand.create', 'apikey.create'];

  it('makes some events: the admin signs in, creates a brand and an API key', async () => {
    const { page, server } = f;
    await signInFirstTime(f, demoAccount(f, 'security_admin'), 'correct horse battery staple 42');
    await page.goto('/#/brands');
    await page.getByLabel('Brand name').fill('Audited Brand');
    await page.getByRole('button', { name: 'Create brand' }).click();
    await page.getByRole('row', { name: /Audited Brand/ }).waitFor();

    await page.goto('/#/api-keys');
    await page.getByLabel('Brand', { exact: true }).selectOption({ label: server.demoBrandName });
    await page.getByLabel('Key name').fill('siem');
    await page.getByLabel('audit.read').check();
    await page.getByRole('button', { name: 'Create key' }).click();
    await page.getByTestId('api-key-secret').waitFor();
  });

  it('lists the events just made and shows a valid chain', async () => {
    const { page } = f;
    await page.goto('/#/audit');
    await page.getByTestId('chain-verdict').filter({ hasText: /^Chain valid/ }).waitFor();

    await page.getByTestId('audit-row').first().waitFor();
    const actions = await page.getByTestId('audit-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
    for (const expected of madeActions) expect(actions).toContain(expected);

    await page.getByLabel('Action').fill('brand.create');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForFunction(() => {
      const rows = Array.from(document.querySelectorAll('[data-testid="audit-row"]'));
      return rows.length > 0 && rows.every((r) => r.getAttribute('data-action') === 'brand.create');
    });
    await f.shot('audit');
  });

  it('pages back and forth, and filters by time', async () => {
    const { page } = f;
    const filters = page.getByRole('form', { name: 'Audit filters' });
    await filters.getByRole('button', { name: 'Clear' }).click();
    await filters.getByLabel('Rows per page').selectOption('10');
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    const texts = () => page.getByTestId('audit-row').evaluateAll((rs) => rs.map((r) => r.textContent ?? ''));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="audit-row"]').length === 10);
    const first = await texts();

    await page.getByRole('button', { name: 'Older' }).click();
    await page.getByText('Page 2').waitFor();
    await page.waitForFunction((top) => document.querySelector('[data-testid="audit-row"]')?.textContent !== top, first[0]);
    const second = await texts();
    expect(second.length).toBeGreaterThan(0);
    for (const r of second) expect(first).not.toContain(r);

    await page.getByRole('button', { name: 'Newer' }).click();
    await page.getByText('Page 1').waitFor();
    // Reading the trail is itself audited, so a few audit.read events may have joined the top
    // since: the newest page is newer than page 2 and still holds the first page's top row.
    await page.waitForFunction((older) => !older.includes(document.querySelector('[data-testid="audit-row"]')?.textContent ?? ''), second);
    const again = await texts();
    expect(again).toContain(first[0]);
    for (const r of again) expect(second).not.toContain(r);

    // Nothing has happened an hour from now.
    const later = new Date(Date.now() + 3600_000);
    const local = new Date(later.getTime() - later.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await filters.getByLabel('From').fill(local);
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('No events match.').waitFor();
  });

  it('shows a broken chain, and where, after an event is edited in the database', async () => {
    const { page, server } = f;
    // What an insider with database access might do: quietly change the outcome of one event.
    const db = server.server.services.db;
    const { rows } = await db.query<{ chain_id: string; seq: string }>(
      "SELECT chain_id, seq FROM audit_events WHERE brand_id = $1 AND action = 'user.create' ORDER BY seq LIMIT 1",
      [server.demoBrandId],
    );
    const target = rows[0];
    if (!target) throw new Error('no audit event on the demo brand to tamper with');
    await db.query("UPDATE audit_events SET outcome = 'failure' WHERE chain_id = $1 AND seq = $2", [target.chain_id, target.seq]);

    const filters = page.getByRole('form', { name: 'Audit filters' });
    await filters.getByRole('button', { name: 'Clear' }).click();
    await filters.getByLabel('Brand').selectOption({ label: server.demoBrandName });
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByTestId('chain-verdict').filter({ hasText: /^Chain BROKEN/ }).waitFor();
    expect(await page.getByTestId('chain-status').getByRole('listitem').first().innerText()).toContain(`#${target.seq}`);
    await f.shot('audit-broken');
  });
});
