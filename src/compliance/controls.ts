import type { Control } from './types.js';

/**
 * The controls callvault supports and the live evidence each takes. Data only: a control's status
 * is the worst of its evidence (see assess.ts). Titles paraphrase the standards; ids are theirs.
 */
export const CONTROLS: readonly Control[] = [
  // PCI DSS v4.0.1
  { id: '3.2.1', framework: 'pci_dss', title: 'Account data storage is kept to a minimum (retention and disposal)', how: 'Retention policies per data class; purge runs remove what is past its time', evidence: ['retention', 'card_data'] },
  { id: '3.3.1', framework: 'pci_dss', title: 'Sensitive authentication data is not retained after authorization', how: 'Keypad digits live only in the holding node\'s memory; no table has a security-code column; spoken card data is redacted', evidence: ['card_data', 'redaction'] },
  { id: '3.4.1', framework: 'pci_dss', title: 'PAN is masked when displayed', how: 'Sessions store a masked card (a database check refuses five digits in a row); transcripts are redacted', evidence: ['card_data', 'redaction'] },
  { id: '3.5.1', framework: 'pci_dss', title: 'PAN is rendered unreadable wherever it is stored', how: 'Card tokens sealed with the brand\'s payment key (AES-256-GCM envelope encryption)', evidence: ['card_data', 'key_management'] },
  { id: '3.6.1', framework: 'pci_dss', title: 'Cryptographic keys protecting stored account data are protected', how: 'Data keys wrapped by the KMS key; a payment key separate from the data key', evidence: ['key_management'] },
  { id: '3.7.4', framework: 'pci_dss', title: 'Keys are changed at the end of their cryptoperiod', how: 'Key rotation with background re-encryption, older versions retired', evidence: ['key_management'] },
  { id: '7.2.4', framework: 'pci_dss', title: 'User accounts and access privileges are reviewed at least every six months', how: 'Recertification campaigns; unanswered access removed at the deadline', evidence: ['recertification'] },
  { id: '8.4.2', framework: 'pci_dss', title: 'MFA for all access into the CDE', how: 'TOTP or passkeys, mandatory for every role but agent (per brand for agents)', evidence: ['mfa'] },
  { id: '8.4.3', framework: 'pci_dss', title: 'MFA for all remote network access', how: 'The console is the only way in; the same MFA applies from anywhere', evidence: ['mfa'] },
  { id: '9.4.6', framework: 'pci_dss', title: 'Media with cardholder data is destroyed when no longer needed', how: 'Purge runs delete records and destroy per-call keys (crypto-shredding)', evidence: ['retention'] },
  { id: '10.2.1', framework: 'pci_dss', title: 'Audit logs capture user access, actions and invalid attempts', how: 'Every read of customer data and every change appends an event in the same transaction', evidence: ['audit_chain'] },
  { id: '10.3.2', framework: 'pci_dss', title: 'Audit log files are protected from modification', how: 'Per-brand hash chain with signed Merkle checkpoints, verified here', evidence: ['audit_chain'] },
  { id: '10.5.1', framework: 'pci_dss', title: 'Audit log history is retained for at least 12 months', how: 'The trail is never purged; the audit retention policy cannot go below 365 days', evidence: ['audit_retention'] },
  { id: '10.7.2', framework: 'pci_dss', title: 'Failures of critical security controls are detected, reported and responded to', how: 'Unusual-access detection opens incidents with playbooks', evidence: ['incidents'] },
  { id: '12.6.1', framework: 'pci_dss', title: 'Security awareness programme: personnel trained', how: 'Training modules, completions with expiry, a gate on brand assignment', evidence: ['training'] },
  { id: '12.8.1', framework: 'pci_dss', title: 'A list of third-party service providers is maintained', how: 'Vendor registry with the brands each vendor reaches', evidence: ['vendors'] },
  { id: '12.8.4', framework: 'pci_dss', title: 'TPSPs\' PCI DSS compliance status is monitored at least once every 12 months', how: 'Review dates shortened by risk; certifications with expiry; questionnaires accepted', evidence: ['vendors', 'questionnaires'] },
  { id: '12.10.1', framework: 'pci_dss', title: 'An incident response plan exists and is followed', how: 'Incidents with playbook tasks and regulatory clocks', evidence: ['incidents'] },
  // ISO/IEC 27001:2022 Annex A
  { id: 'A.5.15', framework: 'iso_27001', title: 'Access control', how: 'Roles per brand, deny by default', evidence: ['mfa', 'recertification'] },
  { id: 'A.5.18', framework: 'iso_27001', title: 'Access rights', how: 'Access rights recertified every six months', evidence: ['recertification'] },
  { id: 'A.5.19', framework: 'iso_27001', title: 'Information security in supplier relationships', how: 'Vendor registry and security questionnaire', evidence: ['vendors', 'questionnaires'] },
  { id: 'A.5.20', framework: 'iso_27001', title: 'Addressing information security within supplier agreements', how: 'Certifications and questionnaire findings recorded per vendor', evidence: ['vendors', 'questionnaires'] },
  { id: 'A.5.21', framework: 'iso_27001', title: 'Managing information security in the ICT supply chain', how: 'Sub-processors and telephony providers in the registry, with the brands they reach', evidence: ['vendors'] },
  { id: 'A.5.22', framework: 'iso_27001', title: 'Monitoring, review and change management of supplier services', how: 'Review dates; overdue vendors raise an alert', evidence: ['vendors'] },
  { id: 'A.5.24', framework: 'iso_27001', title: 'Information security incident management planning and preparation', how: 'Playbooks per incident kind', evidence: ['incidents'] },
  { id: 'A.5.25', framework: 'iso_27001', title: 'Assessment and decision on information security events', how: 'Alerts triaged into incidents with a severity', evidence: ['incidents'] },
  { id: 'A.5.26', framework: 'iso_27001', title: 'Response to information security incidents', how: 'Containment actions and playbook tasks, audited', evidence: ['incidents'] },
  { id: 'A.5.27', framework: 'iso_27001', title: 'Learning from information security incidents', how: 'Closing report with timeline and blast radius', evidence: ['incidents'] },
  { id: 'A.5.28', framework: 'iso_27001', title: 'Collection of evidence', how: 'Tamper-evident audit trail, blast radius from it', evidence: ['audit_chain', 'incidents'] },
  { id: 'A.5.33', framework: 'iso_27001', title: 'Protection of records', how: 'Hash-chained, signed audit records kept at least 12 months', evidence: ['audit_chain', 'audit_retention'] },
  { id: 'A.5.34', framework: 'iso_27001', title: 'Privacy and protection of PII', how: 'Redaction, encryption per brand and per call, data-subject requests', evidence: ['redaction', 'subject_requests'] },
  { id: 'A.6.3', framework: 'iso_27001', title: 'Information security awareness, education and training', how: 'Training records and coverage', evidence: ['training'] },
  { id: 'A.8.5', framework: 'iso_27001', title: 'Secure authentication', how: 'Passwords hashed, TOTP and passkeys, lockout', evidence: ['mfa'] },
  { id: 'A.8.10', framework: 'iso_27001', title: 'Information deletion', how: 'Purge runs and erasure by crypto-shredding', evidence: ['retention', 'subject_requests'] },
  { id: 'A.8.15', framework: 'iso_27001', title: 'Logging', how: 'Audit trail verified and retained', evidence: ['audit_chain', 'audit_retention'] },
  { id: 'A.8.24', framework: 'iso_27001', title: 'Use of cryptography', how: 'Envelope encryption per brand, key rotation, separate payment key', evidence: ['key_management'] },
  // GDPR
  { id: 'Art. 5(1)(e)', framework: 'gdpr', title: 'Storage limitation', how: 'Retention policies and purge runs', evidence: ['retention'] },
  { id: 'Art. 15', framework: 'gdpr', title: 'Right of access by the data subject', how: 'Data-subject requests found through the blind index and exported', evidence: ['subject_requests'] },
  { id: 'Art. 17', framework: 'gdpr', title: 'Right to erasure', how: 'Erasure deletes records and destroys per-call keys, with a certificate', evidence: ['subject_requests'] },
  { id: 'Art. 25', framework: 'gdpr', title: 'Data protection by design and by default', how: 'Transcripts and recordings redacted on ingest; originals deleted by default', evidence: ['redaction'] },
  { id: 'Art. 28', framework: 'gdpr', title: 'Processor (sub-processors engaged under obligations)', how: 'Vendor registry, questionnaires and reviews', evidence: ['vendors', 'questionnaires'] },
  { id: 'Art. 30', framework: 'gdpr', title: 'Records of processing activities', how: 'Audit trail of every processing step on customer data', evidence: ['audit_chain'] },
  { id: 'Art. 32', framework: 'gdpr', title: 'Security of processing', how: 'Encryption, MFA, access review, training', evidence: ['key_management', 'mfa', 'recertification', 'training'] },
  { id: 'Art. 33', framework: 'gdpr', title: 'Notification of a personal data breach within 72 hours', how: 'Incident clocks from awareness, with reminders', evidence: ['incidents'] },
];
