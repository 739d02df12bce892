import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/types.js';
import type { Vault } from '../vault/index.js';
import type { Answers, AnswerValue, Definition, Finding } from './engine/index.js';
import { questionsOf } from './engine/index.js';

const SYSTEM = { system: true } as const;

export type QuestionnaireStatus = 'sent' | 'submitted' | 'accepted' | 'rejected';
export const STATUSES: readonly QuestionnaireStatus[] = ['sent', 'submitted', 'accepted', 'rejected'];

export interface QuestionnaireRecord {
  id: string;
  vendorId: string;
  vendorName: string;
  definitionId: string;
  definitionVersion: number;
  status: QuestionnaireStatus;
  round: number;
  draftSavedAt: string | null;
  submittedAt: string | null;
  findings: Finding[] | null;
  riskScore: number | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  sentBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface LinkRecord {
  id: string;
  questionnaireId: string;
  expiresAt: string;
  createdAt: string;
  usedAt: string | null;
  revokedAt: string | null;
}

const iso = (v: unknown): string => new Date(v as string | Date).toISOString();
const isoOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : iso(v));

const COLUMNS = `q.id, q.vendor_id, v.name AS vendor_name, q.definition_id, q.definition_version, q.status, q.round, q.draft_saved_at,
  q.submitted_at, q.findings, q.risk_score, q.reviewed_by, q.reviewed_at, q.sent_by, q.created_at, q.updated_at`;

function toRecord(r: Record<string, unknown>): QuestionnaireRecord {
  return {
    id: r.id as string,
    vendorId: r.vendor_id as string,
    vendorName: r.vendor_name as string,
    definitionId: r.definition_id as string,
    definitionVersion: Number(r.definition_version),
    status: r.status as QuestionnaireStatus,
    round: Number(r.round),
    draftSavedAt: isoOrNull(r.draft_saved_at),
    submittedAt: isoOrNull(r.submitted_at),
    findings: (r.findings as Finding[] | null) ?? null,
    riskScore: r.risk_score === null ? null : Number(r.risk_score),
    reviewedBy: (r.reviewed_by as string | null) ?? null,
    reviewedAt: isoOrNull(r.reviewed_at),
    sentBy: r.sent_by as string,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export async function findQuestionnaire(q: Queryable, id: string, forUpdate = false): Promise<QuestionnaireRecord | null> {
  const { rows } = await q.query(`SELECT ${COLUMNS} FROM questionnaires q JOIN vendors v ON v.id = q.vendor_id WHERE q.id = $1${forUpdate ? ' FOR UPDATE OF q' : ''}`, [id]);
  return rows[0] ? toRecord(rows[0]) : null;
}

export async function listQuestionnaires(q: Queryable, f: { vendorIds: string[] | null; vendorId?: string; status?: QuestionnaireStatus; limit: number; offset: number }): Promise<QuestionnaireRecord[]> {
  const { rows } = await q.query(
    `SELECT ${COLUMNS} FROM questionnaires q JOIN vendors v ON v.id = q.vendor_id
     WHERE ($1::uuid[] IS NULL OR q.vendor_id = ANY($1::uuid[])) AND ($2::uuid IS NULL OR q.vendor_id = $2) AND ($3::text IS NULL OR q.status = $3)
     ORDER BY q.updated_at DESC, q.id DESC LIMIT $4 OFFSET $5`,
    [f.vendorIds, f.vendorId ?? null, f.status ?? null, f.limit, f.offset],
  );
  return rows.map(toRecord);
}

export async function insertQuestionnaire(tx: Queryable, n: { vendorId: string; definition: Definition; sentBy: string }, at: Date): Promise<string> {
  const id = randomUUID();
  await tx.query(
    `INSERT INTO questionnaires (id, vendor_id, definition_id, definition_version, status, sent_by, created_at, updated_at) VALUES ($1, $2, $3, $4, 'sent', $5, $6, $6)`,
    [id, n.vendorId, n.definition.id, n.definition.version, n.sentBy, at],
  );
  return id;
}

export async function insertLink(tx: Queryable, l: { questionnaireId: string; tokenHash: Buffer; expiresAt: Date; createdBy: string }, at: Date): Promise<string> {
  const id = randomUUID();
  // One live link per questionnaire: a new one replaces whatever was there.
  await tx.query('UPDATE questionnaire_links SET revoked_at = $2 WHERE questionnaire_id = $1 AND revoked_at IS NULL AND used_at IS NULL', [l.questionnaireId, at]);
  await tx.query('INSERT INTO questionnaire_links (id, questionnaire_id, token_hash, expires_at, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
    id,
    l.questionnaireId,
    l.tokenHash,
    l.expiresAt,
    l.createdBy,
    at,
  ]);
  return id;
}

const toLink = (r: Record<string, unknown>): LinkRecord => ({
  id: r.id as string,
  questionnaireId: r.questionnaire_id as string,
  expiresAt: iso(r.expires_at),
  createdAt: iso(r.created_at),
  usedAt: isoOrNull(r.used_at),
  revokedAt: isoOrNull(r.revoked_at),
});

export async function linkByHash(q: Queryable, hash: Buffer, forUpdate = false): Promise<LinkRecord | null> {
  const { rows } = await q.query(`SELECT * FROM questionnaire_links WHERE token_hash = $1${forUpdate ? ' FOR UPDATE' : ''}`, [hash]);
  return rows[0] ? toLink(rows[0]) : null;
}

export async function latestLink(q: Queryable, questionnaireId: string): Promise<LinkRecord | null> {
  const { rows } = await q.query('SELECT * FROM questionnaire_links WHERE questionnaire_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1', [questionnaireId]);
  return rows[0] ? toLink(rows[0]) : null;
}

export async function markLinkUsed(tx: Queryable, linkId: string, at: Date): Promise<void> {
  await tx.query('UPDATE questionnaire_links SET used_at = $2 WHERE id = $1', [linkId, at]);
}

/**
 * Answers are stored in two parts: choices, numbers and dates in clear (JSONB, vendor business
 * data the reviewer filters on), free text sealed under the vault's system scope, bound to the
 * questionnaire id.
 */
export async function saveAnswers(vault: Vault, tx: Queryable, id: string, def: Definition, answers: Answers, at: Date): Promise<void> {
  const textIds = new Set(questionsOf(def).filter((q) => q.type === 'text').map((q) => q.id));
  const clear: Record<string, AnswerValue> = {};
  const text: Record<string, AnswerValue> = {};
  for (const [k, v] of Object.entries(answers)) (textIds.has(k) ? text : clear)[k] = v;
  const sealed = Object.keys(text).length > 0 ? await vault.encrypt(tx, SYSTEM, id, Buffer.from(JSON.stringify(text), 'utf8')) : null;
  await tx.query('UPDATE questionnaires SET answers = $2, text_answers_sealed = $3, draft_saved_at = $4, updated_at = $4 WHERE id = $1', [id, JSON.stringify(clear), sealed, at]);
}

export async function loadAnswers(vault: Vault, q: Queryable, id: string): Promise<Record<string, AnswerValue>> {
  const { rows } = await q.query<{ answers: Record<string, AnswerValue>; text_answers_sealed: Uint8Array | null }>('SELECT answers, text_answers_sealed FROM questionnaires WHERE id = $1', [id]);
  const r = rows[0];
  if (!r) return {};
  const text = r.text_answers_sealed ? (JSON.parse((await vault.decrypt(q, SYSTEM, id, Buffer.from(r.text_answers_sealed))).toString('utf8')) as Record<string, AnswerValue>) : {};
  return { ...r.answers, ...text };
}

export async function setComment(vault: Vault, tx: Queryable, id: string, comment: string | null): Promise<void> {
  const sealed = comment === null ? null : await vault.encrypt(tx, SYSTEM, id, Buffer.from(comment, 'utf8'));
  await tx.query('UPDATE questionnaires SET review_comment_sealed = $2 WHERE id = $1', [id, sealed]);
}

export async function loadComment(vault: Vault, q: Queryable, id: string): Promise<string | null> {
  const { rows } = await q.query<{ review_comment_sealed: Uint8Array | null }>('SELECT review_comment_sealed FROM questionnaires WHERE id = $1', [id]);
  const s = rows[0]?.review_comment_sealed;
  return s ? (await vault.decrypt(q, SYSTEM, id, Buffer.from(s))).toString('utf8') : null;
}

export async function updateState(
  tx: Queryable,
  id: string,
  s: { status: QuestionnaireStatus; round?: number; submittedAt?: Date | null; findings?: Finding[] | null; riskScore?: number | null; reviewedBy?: string | null; reviewedAt?: Date | null },
  at: Date,
): Promise<void> {
  const sets = ['status = $2', 'updated_at = $3'];
  const params: unknown[] = [id, s.status, at];
  const put = (col: string, v: unknown) => {
    params.push(v);
    sets.push(`${col} = $${params.length}`);
  };
  if (s.round !== undefined) put('round', s.round);
  if (s.submittedAt !== undefined) put('submitted_at', s.submittedAt);
  if (s.findings !== undefined) put('findings', s.findings === null ? null : JSON.stringify(s.findings));
  if (s.riskScore !== undefined) put('risk_score', s.riskScore);
  if (s.reviewedBy !== undefined) put('reviewed_by', s.reviewedBy);
  if (s.reviewedAt !== undefined) put('reviewed_at', s.reviewedAt);
  await tx.query(`UPDATE questionnaires SET ${sets.join(', ')} WHERE id = $1`, params);
}
