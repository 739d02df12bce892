/** The vendor registry's answers (docs/api.md, Vendors). */
export type VendorKind = 'sub_processor' | 'telephony' | 'ccaas' | 'qa_outsourcer' | 'other';
export type CertificationKind = 'pci_dss_aoc' | 'iso_27001' | 'soc2_type2' | 'other';

export const VENDOR_KIND_LABEL: Record<VendorKind, string> = {
  sub_processor: 'Sub-processor',
  telephony: 'Telephony',
  ccaas: 'CCaaS',
  qa_outsourcer: 'QA outsourcer',
  other: 'Other',
};
export const CERTIFICATION_LABEL: Record<CertificationKind, string> = {
  pci_dss_aoc: 'PCI DSS AoC',
  iso_27001: 'ISO 27001',
  soc2_type2: 'SOC 2 Type II',
  other: 'Other',
};

export interface VendorSummary {
  id: string;
  name: string;
  kind: VendorKind;
  services: string;
  status: 'active' | 'revoked';
  riskScore: number | null;
  reviewIntervalDays: number;
  lastReviewedAt: string | null;
  nextReviewAt: string;
  overdue: boolean;
  revokedAt: string | null;
  revokedBy: string | null;
  createdAt: string;
  updatedAt: string;
  brands: { brandId: string; dataAccess: string }[];
  apiKeyCount: number;
  userCount: number;
}

export interface VendorContact {
  name: string;
  email: string;
  phone: string;
  role: string;
}

export interface VendorCertification {
  id: string;
  kind: CertificationKind;
  label: string;
  certificateId: string;
  issuedOn: string;
  expiresOn: string;
  state: 'valid' | 'expiring' | 'expired';
}

export interface VendorEvidenceFile {
  id: string;
  certificationId: string | null;
  fileName: string;
  contentType: string;
  bytes: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
}

export interface Vendor extends VendorSummary {
  contacts: VendorContact[];
  apiKeys: { id: string; brandId: string; name: string; prefix: string; expiresAt: string; revokedAt: string | null }[];
  users: { id: string; brandIds: string[]; suspended: boolean }[];
  certifications: VendorCertification[];
  evidence: VendorEvidenceFile[];
}

export interface VendorDashboard {
  overdue: { vendorId: string; name: string; nextReviewAt: string; daysOverdue: number; riskScore: number | null }[];
  certifications: { vendorId: string; vendorName: string; certificationId: string; kind: CertificationKind; label: string; expiresOn: string; state: 'expired' | 'expiring'; daysLeft: number }[];
}

export interface NewVendorInput {
  name: string;
  kind: VendorKind;
  services?: string;
  reviewIntervalDays?: number;
  brands?: { brandId: string; dataAccess: string }[];
  contacts?: VendorContact[];
}

export interface RevokeResult {
  vendorId: string;
  apiKeysRevoked: number;
  usersSuspended: number;
  sessionsEnded: number;
}
