import { describe, expect, it } from 'vitest';
import { browserTestsEnabled } from './browser.js';
import { useConsoleFixture } from './fixture.js';
import { demoAccount, signInFirstTime, signOut } from './flows.js';

/**
 * QA review in a real browser: the demo brand's calls, one opened with its redacted transcript
 * (typed markers, no card number), the redacted recording streamed with range requests, the
 * waveform shading redacted speech and masked keypad tones, and a scorecard whose pasted card
 * number is redacted before it is kept. Then a supervisor's break-glass request.
 */
describe.skipIf(!browserTestsEnabled())('console call review', () => {
  const f = useConsoleFixture({ demoCalls: true });

  it('a QA reviewer lists the calls of the demo brand and opens one paid on the keypad', async () => {
    const { page } = f;
    await signInFirstTime(f, demoAccount(f, 'qa_reviewer'), 'quality reviewer passphrase 1');
    await page.getByRole('link', { name: 'Calls' }).click();
    await page.getByRole('heading', { name: 'Calls' }).waitFor();
    await page.getByTestId('call-row').first().waitFor();
    expect(await page.getByTestId('call-row').count()).toBe(12);
    await f.shot('calls-list');
    await page.getByRole('link', { name: 'demo-1004' }).click();
    await page.getByRole('heading', { name: 'Call demo-1004' }).waitFor();
    expect(await page.getByTestId('call-status').innerText()).toBe('ready');
    const regions = await page.getByTestId('redacted-region').evaluateAll((rs) => rs.map((r) => r.getAttribute('class')));
    expect(regions).toContain('region region-dtmf');
    await f.shot('call-review');
  });

  it('shows the 16-digit card read out in another call only as markers', async () => {
    const { page } = f;
    await page.goto('/#/calls');
    await page.getByRole('link', { name: 'demo-1008' }).click();
    await page.getByRole('heading', { name: 'Call demo-1008' }).waitFor();
    await page.getByTestId('turn').first().waitFor();
    const text = await page.locator('main').innerText();
    for (const chunk of ['four five five six', 'seven three seven five', 'eight six eight nine', 'nine eight five five']) expect(text).not.toContain(chunk);
    expect(await page.getByTestId('redaction').filter({ hasText: 'CREDIT_CARD' }).count()).toBe(4);
    expect(text).toContain('mm-hmm');
  });

  it('streams the redacted recording with HTTP range requests', async () => {
    const { page } = f;
    const src = await page.locator('audio').getAttribute('src');
    const r = await page.evaluate(async (url) => {
      const res = await fetch(url!, { headers: { range: 'bytes=0-43' } });
      const bytes = new Uint8Array(await res.arrayBuffer());
      return { status: res.status, range: res.headers.get('content-range'), riff: String.fromCharCode(...bytes.slice(0, 4)), length: bytes.length };
    }, src);
    expect(r).toEqual({ status: 206, range: expect.stringMatching(/^bytes 0-43\/\d+$/), riff: 'RIFF', length: 44 });
  });

  it('saves a scorecard; a card number pasted in the notes is redacted', async () => {
    const { page } = f;
    await page.getByLabel('Score (0–100)').fill('71');
    await page.getByLabel('Notes').fill('Agent repeated 4111 1111 1111 1111 back to the customer');
    await page.getByRole('button', { name: 'Save scorecard' }).click();
    const card = page.getByTestId('scorecard').first();
    await card.waitFor();
    expect(await card.innerText()).toContain('[CREDIT_CARD]');
    expect(await card.innerText()).not.toContain('4111');
  });

  it('a supervisor asks for the original with a reason and is told none was kept', async () => {
    const { page } = f;
    await signOut(page);
    await signInFirstTime(f, demoAccount(f, 'supervisor'), 'shift lead passphrase 12');
    await page.goto('/#/calls');
    await page.getByRole('link', { name: 'demo-1001' }).click();
    await page.getByLabel('Why do you need the original?').fill('Customer disputes the payment amount');
    await page.getByRole('button', { name: 'Request 30-minute access' }).click();
    await page.getByText('No original of this call was kept').waitFor();
  });
});
