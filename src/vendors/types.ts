export const VENDOR_KINDS = ['sub_processor', 'telephony', 'ccaas', 'qa_outsourcer', 'other'] as const;
export type VendorKind = (typeof VENDOR_KINDS)[number];
export const VENDOR_STATUSES = ['active', 'revoked'] as const;
export type VendorStatus = (typeof VENDOR_STATUSES)[number];
export const CERTIFICATION_KINDS = ['pci_dss_aoc', 'iso_27001', 'soc2_type2', 'other'] as const;
export type CertificationKind = (typeof CERTIFICATION_KINDS)[number];
/** valid; expiring: within EXPIRING_DAYS; expired: on or after its expiry date. */
export type CertificationState = 'valid' | 'expiring' | 'expired';
export const EXPIRING_DAYS = 30;

export interface VendorBrand {
  brandId: string;
  /** What of the brand's data the vendor sees and why (e.g. "call recordings, for QA scoring"). */
  dataAccess: string;
}

export interface VendorSummary {
  id: string;
  name: string;
  kind: VendorKind;
  services: string;
  status: VendorStatus;
  riskScore: number | null;
  reviewIntervalDays: number;
  lastReviewedAt: string | null;
  nextReviewAt: string;
  overdue: boolean;
  revokedAt: string | null;
  revokedBy: string | null;
  createdAt: string;
  updatedAt: string;
  brands: VendorBrand[];
  apiKeyCount: number;
  userCount: number;
}

export interface VendorContact {
  name: string;
  email: string;
  phone: string;
  role: string;
}

export interface Certification {
  id: string;
  kind: CertificationKind;
  label: string;
  certificateId: string;
  /** YYYY-MM-DD */
  issuedOn: string;
  expiresOn: string;
  state: CertificationState;
}

export interface Evidence {
  id: string;
  certificationId: string | null;
  fileName: string;
  contentType: string;
  bytes: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
}

export interface VendorDetail extends VendorSummary {
  contacts: VendorContact[];
  apiKeys: { id: string; brandId: string; name: string; prefix: string; expiresAt: string; revokedAt: string | null }[];
  users: { id: string; brandIds: string[]; suspended: boolean }[];
  certifications: Certification[];
  evidence: Evidence[];
}

export interface NewVendor {
  name: string;
  kind: VendorKind;
  services?: string;
  reviewIntervalDays?: number;
  /** A vendor onboarded with a past review: its next review counts from then. */
  lastReviewedAt?: Date;
  brands?: VendorBrand[];
  contacts?: VendorContact[];
}

export interface VendorChange {
  name?: string;
  kind?: VendorKind;
  services?: string;
  reviewIntervalDays?: number;
}

export interface NewCertification {
  kind: CertificationKind;
  label?: string;
  certificateId?: string;
  issuedOn: string;
  expiresOn: string;
}

export interface RevokeResult {
  vendorId: string;
  apiKeysRevoked: number;
  usersSuspended: number;
  sessionsEnded: number;
}

export interface Dashboard {
  overdue: { vendorId: string; name: string; nextReviewAt: string; daysOverdue: number; riskScore: number | null }[];
  certifications: { vendorId: string; vendorName: string; certificationId: string; kind: CertificationKind; label: string; expiresOn: string; state: 'expired' | 'expiring'; daysLeft: number }[];
}
