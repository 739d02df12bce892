import type { CallSummary } from '../calls/index.js';
import type { ClockStatus, Regime } from './deadlines.js';
import type { CallOutcome, IdentifierType, RequestKind, RequestStatus } from './data.js';

/** The subject's identifiers as typed by the person taking the request; only their keyed hashes are kept. */
export interface SubjectIdentifiers {
  phones?: string[];
  emails?: string[];
  names?: string[];
  accountNumbers?: string[];
}

export interface NewSubjectRequest {
  brandId: string;
  regime: Regime;
  kind: RequestKind;
  identifiers: SubjectIdentifiers;
  /** When the request reached the organisation (the deadline runs from here); default now. */
  receivedAt?: Date;
}

export interface FoundCall {
  callId: string;
  outcome: CallOutcome;
  holdId: string | null;
  foundAt: Date;
  actedAt: Date | null;
  /** Metadata while the call exists (null once erased). */
  call: Pick<CallSummary, 'externalId' | 'agentRef' | 'startedAt' | 'status' | 'durationSeconds' | 'redactionCount' | 'hasRecording' | 'createdAt'> | null;
}

export interface SubjectRequestView {
  id: string;
  number: number;
  brandId: string;
  regime: Regime;
  kind: RequestKind;
  status: RequestStatus;
  receivedAt: Date;
  baseDueAt: Date;
  dueAt: Date;
  clock: { status: ClockStatus; remainingMs: number };
  /** How many identifiers of each type were given (never the values). */
  identifierTypes: Partial<Record<IdentifierType, number>>;
  extensions: { position: number; reason: string; previousDueAt: Date; newDueAt: Date; extendedBy: string; extendedAt: Date }[];
  rejectionReason: string | null;
  foundCount: number | null;
  foundAt: Date | null;
  exportedAt: Date | null;
  erasedAt: Date | null;
  closedAt: Date | null;
  closedBy: string | null;
  createdBy: string;
  createdAt: Date;
  /** Present on a single request (get / actions); lists leave it out. */
  calls?: FoundCall[];
}

/** What is held about the subject (an access / know request), as downloaded. */
export interface SubjectExport {
  format: 'callvault.subject-export';
  version: 1;
  requestId: string;
  requestNumber: number;
  regime: Regime;
  kind: RequestKind;
  brandId: string;
  generatedAt: string;
  calls: {
    callId: string;
    metadata: Record<string, unknown>;
    redactedTranscript: { format: string; content: string } | null;
    hasRedactedRecording: boolean;
    scorecards: number;
    breakGlassGrants: number;
    paymentTokens: { count: number; createdAt: string[] };
  }[];
  notIncluded: string[];
}

export interface EraseResult {
  request: SubjectRequestView;
  erased: { callId: string; keysDestroyed: number; tokensDestroyed: number }[];
  held: { callId: string; holdId: string }[];
}
