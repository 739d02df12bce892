/** A complete, low-risk set of answers except one critical finding (no MFA) and a sub-processor list (free text). */
export const answers = {
  pci_compliant: true,
  pci_aoc_date: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10),
  pci_validation: 'roc_qsa',
  takes_card_payments: false,
  stores_card_data: false,
  pii_redaction: 'automatic_both',
  recording_retention_days: 90,
  agent_mfa: 'none',
  remote_agents: false,
  encryption_at_rest: true,
  transport_protocol: 'tls13',
  breach_notification_hours: 24,
  uses_subprocessors: true,
  subprocessor_list: 'Acme Transcribe Ltd, speech to text, Ireland',
  subprocessor_obligations: true,
  subprocessor_notice: true,
};
