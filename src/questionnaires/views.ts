import type { AnswerValue, Definition, Finding, Severity } from './engine/index.js';
import { riskLevel } from './engine/index.js';
import type { LinkRecord, QuestionnaireRecord } from './questionnaires-data.js';

export type LinkState = 'active' | 'expired' | 'used' | 'revoked';

export interface LinkView {
  id: string;
  expiresAt: string;
  usedAt: string | null;
  state: LinkState;
}

/** What a reviewer sees of a questionnaire (answers only in the detail, which is audited as a read). */
export interface QuestionnaireView {
  id: string;
  vendorId: string;
  vendorName: string;
  definition: { id: string; version: number; title: string };
  status: QuestionnaireRecord['status'];
  round: number;
  sentBy: string;
  createdAt: string;
  updatedAt: string;
  draftSavedAt: string | null;
  submittedAt: string | null;
  findings: Finding[];
  riskScore: number | null;
  riskLevel: Severity | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewComment: string | null;
  link: LinkView | null;
  answers?: Record<string, AnswerValue>;
}

/** A link just made: the token is shown this once (only its hash is kept). */
export interface NewLink {
  token: string;
  url: string;
  expiresAt: string;
}

export function linkState(l: LinkRecord, now: Date): LinkState {
  if (l.usedAt) return 'used';
  if (l.revokedAt) return 'revoked';
  return new Date(l.expiresAt) <= now ? 'expired' : 'active';
}

export function toView(q: QuestionnaireRecord, def: Definition, link: LinkRecord | null, comment: string | null, now: Date): QuestionnaireView {
  return {
    id: q.id,
    vendorId: q.vendorId,
    vendorName: q.vendorName,
    definition: { id: def.id, version: def.version, title: def.title },
    status: q.status,
    round: q.round,
    sentBy: q.sentBy,
    createdAt: q.createdAt,
    updatedAt: q.updatedAt,
    draftSavedAt: q.draftSavedAt,
    submittedAt: q.submittedAt,
    findings: q.findings ?? [],
    riskScore: q.riskScore,
    riskLevel: q.riskScore === null ? null : riskLevel(q.riskScore),
    reviewedBy: q.reviewedBy,
    reviewedAt: q.reviewedAt,
    reviewComment: comment,
    link: link && { id: link.id, expiresAt: link.expiresAt, usedAt: link.usedAt, state: linkState(link, now) },
  };
}
