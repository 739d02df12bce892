/** Data-subject requests as the server answers them (docs/api.md, "Data-subject requests"). */
export type SubjectRegime = 'gdpr' | 'ccpa';
export type SubjectKind = 'access' | 'erasure' | 'know' | 'delete';
export type SubjectStatus = 'open' | 'found' | 'exported' | 'erased' | 'closed' | 'rejected';

export interface SubjectFoundCall {
  callId: string;
  outcome: 'found' | 'exported' | 'erased' | 'held';
  holdId: string | null;
  foundAt: string;
  actedAt: string | null;
  call: { externalId: string; agentRef: string | null; startedAt: string | null; status: string; durationSeconds: number | null; redactionCount: number | null; hasRecording: boolean; createdAt: string } | null;
}

export interface SubjectRequest {
  id: string;
  number: number;
  brandId: string;
  regime: SubjectRegime;
  kind: SubjectKind;
  status: SubjectStatus;
  receivedAt: string;
  baseDueAt: string;
  dueAt: string;
  clock: { status: 'running' | 'overdue' | 'met' | 'met_late'; remainingMs: number };
  identifierTypes: Record<string, number>;
  extensions: { position: number; reason: string; previousDueAt: string; newDueAt: string; extendedBy: string; extendedAt: string }[];
  rejectionReason: string | null;
  foundCount: number | null;
  foundAt: string | null;
  exportedAt: string | null;
  erasedAt: string | null;
  closedAt: string | null;
  closedBy: string | null;
  createdBy: string;
  createdAt: string;
  calls?: SubjectFoundCall[];
}

export interface SubjectIdentifiersInput {
  phones?: string[];
  emails?: string[];
  names?: string[];
  accountNumbers?: string[];
}

export interface SubjectEraseResult {
  request: SubjectRequest;
  erased: { callId: string; keysDestroyed: number; tokensDestroyed: number }[];
  held: { callId: string; holdId: string }[];
}

export interface SubjectCertificate {
  requestId: string;
  requestNumber: number;
  regime: string;
  kind: string;
  outcome: string;
  onTime: boolean;
  identifierTypes: Record<string, number>;
  dates: Record<string, string | null>;
  found: { calls: number };
  exported: { calls: number; callIds: string[] };
  erased: { calls: number; callIds: string[]; keysDestroyed: number; paymentTokensDestroyed: number };
  held: { callId: string; holdId: string | null }[];
  actors: { createdBy: string; closedBy: string | null; actedBy: string[] };
  auditEvents: { chainId: string; seq: number; at: string; action: string; actor: string; target: string | null; hash: string }[];
}

export const KIND_LABEL: Record<SubjectKind, string> = { access: 'GDPR access (Art. 15)', erasure: 'GDPR erasure (Art. 17)', know: 'CCPA right to know', delete: 'CCPA right to delete' };
export const STATUS_LABEL: Record<SubjectStatus, string> = { open: 'Open', found: 'Calls found', exported: 'Exported', erased: 'Erased', closed: 'Closed', rejected: 'Rejected' };
