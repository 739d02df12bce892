import type { Page } from 'playwright-core';

/**
 * The vendor contact's answers on the open questionnaire page, shared by the questionnaire browser
 * tests: card data stored unencrypted (a follow-up that appears only after "stores card data: yes"),
 * so findings and a risk score of 55.
 */
export async function answerAsVendor(page: Page): Promise<void> {
  const fieldset = (id: string) => page.locator(`[data-question="${id}"]`);
  await fieldset('stores_card_data').getByLabel('Yes').check();
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
}
