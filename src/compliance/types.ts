/**
 * The compliance report's vocabulary. Evidence is read live from the system; a control's status is
 * the worst status of the evidence it takes. Everything here is ids, counts and dates: a report is
 * handed to a client's auditor and must never carry customer data.
 */
export const FRAMEWORKS = ['pci_dss', 'iso_27001', 'gdpr'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

export const FRAMEWORK_TITLE: Readonly<Record<Framework, string>> = {
  pci_dss: 'PCI DSS v4.0.1',
  iso_27001: 'ISO/IEC 27001:2022 Annex A',
  gdpr: 'GDPR',
};

/** not_available: the module that would give this evidence is not part of the installation. */
export const STATUSES = ['met', 'partial', 'gap', 'not_applicable'] as const;
export type ControlStatus = (typeof STATUSES)[number];
export type EvidenceStatus = ControlStatus | 'not_available';

export const EVIDENCE_KEYS = [
  'card_data',
  'redaction',
  'key_management',
  'mfa',
  'audit_chain',
  'audit_retention',
  'incidents',
  'recertification',
  'training',
  'vendors',
  'questionnaires',
  'retention',
  'subject_requests',
] as const;
export type EvidenceKey = (typeof EVIDENCE_KEYS)[number];

/** A figure shown beside evidence: a count, a share, a date, a flag or an id list. */
export type Figure = string | number | boolean | null | string[];

export interface Evidence {
  key: EvidenceKey;
  title: string;
  /** Where it comes from (module and tables), for the auditor. */
  source: string;
  status: EvidenceStatus;
  /** When the figures were read (ISO 8601). */
  readAt: string;
  /** One line for people: what the figures say. */
  summary: string;
  figures: Record<string, Figure>;
  /** What falls short, one line each ("3 of 12 users without MFA"). */
  gaps: string[];
}

export interface Control {
  id: string;
  framework: Framework;
  title: string;
  /** What callvault does for it, one line. */
  how: string;
  evidence: readonly EvidenceKey[];
}

export interface ControlResult extends Control {
  status: ControlStatus;
  gaps: string[];
}

export interface ComplianceReport {
  brand: { id: string; name: string };
  generatedAt: string;
  generatedBy: string;
  summary: { framework: Framework; title: string; met: number; partial: number; gap: number; notApplicable: number }[];
  controls: ControlResult[];
  evidence: Evidence[];
}
