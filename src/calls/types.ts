import type { EntityType, FormatName } from '../redaction/index.js';

export type CallStatus = 'received' | 'processing' | 'ready' | 'failed';

/** What the platform says about a call (ids and times; no customer data). */
export interface CallMetadata {
  externalId: string;
  agentRef?: string;
  startedAt?: Date;
  endedAt?: Date;
  channels?: number;
}

/** A call as listed: metadata and the redaction summary (counts, types, scores). */
export interface CallSummary {
  id: string;
  brandId: string;
  externalId: string;
  agentRef: string | null;
  startedAt: Date | null;
  endedAt: Date | null;
  channels: number;
  sourceFormat: string;
  hasRecording: boolean;
  status: CallStatus;
  failureCode: string | null;
  turnCount: number | null;
  redactionCount: number | null;
  redactionTypes: string[];
  sentiment: number | null;
  durationSeconds: number | null;
  originalKeptUntil: Date | null;
  createdAt: Date;
}

/** A piece of a redacted turn: visible text, or a redaction marker (its type and what replaced it). */
export type ReviewPart = { text: string } | { redacted: EntityType; text: string };

export interface ReviewTurn {
  speaker: string | null;
  channel: number | null;
  startTime: number | null;
  endTime: number | null;
  parts: ReviewPart[];
  /** Sentiment of the redacted text (AFINN-165, squashed), -1 (negative) to 1 (positive). */
  sentiment: number;
}

/** A redacted stretch of the recording, for the player's waveform. */
export interface RedactedRegion {
  channel: number;
  start: number;
  end: number;
  kind: 'speech' | 'dtmf';
  type?: EntityType;
}

/** What a reviewer sees of a call (sealed with the call's content key at rest). */
export interface ReviewDocument {
  format: FormatName;
  turns: ReviewTurn[];
  regions: RedactedRegion[];
  /** Per channel, peak amplitude (0..1) per bucket of the redacted audio; empty without a recording. */
  waveform: { bucketSeconds: number; channels: number[][] };
  counts: Partial<Record<EntityType, number>>;
}

export interface Scorecard {
  id: string;
  reviewerId: string;
  score: number;
  /** The notes after redaction. */
  notes: string;
  createdAt: Date;
}

export interface CallView extends CallSummary {
  review: ReviewDocument | null;
  scorecards: Scorecard[];
}

export interface BrandRedactionSettings {
  brandId: string;
  /** The redaction engine's policy JSON (types, operators, minimum scores). */
  policy: unknown;
  keepOriginalDays: number | null;
  audioMode: 'silence' | 'tone';
  maskDtmf: boolean;
  version: number;
  updatedAt: Date | null;
}

export interface BreakGlassGrant {
  id: string;
  callId: string;
  expiresAt: Date;
  originalAvailable: boolean;
}
