import type { ClockKind } from './clocks.js';

export const PLAYBOOKS = ['account_compromise', 'data_exfiltration', 'lost_device', 'vendor_breach', 'payment_data_exposure'] as const;
export type PlaybookKind = (typeof PLAYBOOKS)[number];

export interface Playbook {
  kind: PlaybookKind;
  title: string;
  /** Tasks created when the incident opens, in the order they are usually done. */
  tasks: readonly string[];
  /** Regulatory and contractual clocks that start at awareness. */
  clocks: readonly ClockKind[];
}

const NOTIFY = ['gdpr_authority', 'brand_notice', 'ccpa_notice'] as const;

/**
 * The response plans, as data: each names the steps a contact-center security team takes and the
 * deadlines it runs against (NIST SP 800-61r2 phases; GDPR Art. 33; PCI DSS 12.10).
 */
export const PLAYBOOK: Readonly<Record<PlaybookKind, Playbook>> = {
  account_compromise: {
    kind: 'account_compromise',
    title: 'Account compromise',
    tasks: [
      'Confirm with the account owner (out of band) whether the activity was theirs',
      'Contain: suspend the account or end its sessions',
      'Reset the password and MFA factors before reinstating',
      'Review the blast radius: records, calls and payments touched in the window',
      'Decide whether personal data was accessed (breach assessment, GDPR Art. 33)',
      'Notify the affected brands with the blast radius export',
      'Find the entry point (phishing, reused password, shared device) and close it',
      'Record lessons learned',
    ],
    clocks: NOTIFY,
  },
  data_exfiltration: {
    kind: 'data_exfiltration',
    title: 'Data exfiltration',
    tasks: [
      'Contain: suspend the actor and revoke their API keys',
      'Preserve evidence: export the audit trail of the window and verify the chain',
      'Review the blast radius: which customers, per brand',
      'Establish where the data went (downloads, exports, screenshots, devices)',
      'Decide on notification (GDPR Art. 33/34, CCPA) with the brands as controllers',
      'Notify the affected brands with the blast radius export',
      'HR and legal follow-up for an insider',
      'Record lessons learned',
    ],
    clocks: NOTIFY,
  },
  lost_device: {
    kind: 'lost_device',
    title: 'Lost or stolen device',
    tasks: [
      "End the user's sessions everywhere",
      "Reset the user's MFA (passkeys and authenticator on the device)",
      'Establish whether the device was encrypted and locked',
      'Review the blast radius since the device was lost',
      'Decide on notification with the affected brands',
      'Record lessons learned',
    ],
    clocks: ['gdpr_authority', 'brand_notice'],
  },
  vendor_breach: {
    kind: 'vendor_breach',
    title: 'Vendor or integration breach',
    tasks: [
      "Revoke the vendor's API keys",
      'Review the blast radius of each key: records read in the window',
      'Obtain the vendor’s incident report and timeline',
      'Decide on notification with the affected brands',
      'Issue new keys with the narrowest scopes once the vendor is clean',
      'Record lessons learned',
    ],
    clocks: NOTIFY,
  },
  payment_data_exposure: {
    kind: 'payment_data_exposure',
    title: 'Payment data exposure',
    tasks: [
      'Contain: stop card capture on the affected lines or accounts',
      'Notify the acquirer and the card brands immediately (PCI DSS 12.10.1)',
      'Preserve evidence; engage a PCI Forensic Investigator if the brands require one',
      'Review the blast radius: payment sessions touched in the window',
      'Notify the affected brands',
      'Record lessons learned',
    ],
    clocks: ['gdpr_authority', 'brand_notice', 'pci_acquirer'],
  },
};

/** The plan an alert most likely calls for, from the rules that raised it. */
export function playbookForRules(rules: readonly string[]): PlaybookKind {
  if (rules.some((r) => r.includes('payment'))) return 'payment_data_exposure';
  if (rules.some((r) => r.includes('api_key'))) return 'vendor_breach';
  if (rules.some((r) => /record|sensitive|break_glass/.test(r))) return 'data_exfiltration';
  return 'account_compromise';
}
