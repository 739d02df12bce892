/** The compliance report as the server sends it (src/compliance/types.ts). */
export type Framework = 'pci_dss' | 'iso_27001' | 'gdpr';
export type ControlStatus = 'met' | 'partial' | 'gap' | 'not_applicable';
export type EvidenceStatus = ControlStatus | 'not_available';
export type Figure = string | number | boolean | null | string[];

export interface ComplianceEvidence {
  key: string;
  title: string;
  source: string;
  status: EvidenceStatus;
  readAt: string;
  summary: string;
  figures: Record<string, Figure>;
  gaps: string[];
}

export interface ComplianceControl {
  id: string;
  framework: Framework;
  title: string;
  how: string;
  evidence: string[];
  status: ControlStatus;
  gaps: string[];
}

export interface ComplianceReport {
  brand: { id: string; name: string };
  generatedAt: string;
  generatedBy: string;
  summary: { framework: Framework; title: string; met: number; partial: number; gap: number; notApplicable: number }[];
  controls: ComplianceControl[];
  evidence: ComplianceEvidence[];
}
