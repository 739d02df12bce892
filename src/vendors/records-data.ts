import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/types.js';
import type { Vault } from '../vault/index.js';
import { EXPIRING_DAYS, type Certification, type CertificationKind, type CertificationState, type Evidence, type VendorContact } from './types.js';

const SYSTEM = { system: true } as const;
const DAY_MS = 86_400_000;
const iso = (v: unknown): string => new Date(v as string | Date).toISOString();
/** DATE columns come back as a Date at UTC midnight (pg) or a string (PGlite); either way, YYYY-MM-DD. */
const day = (v: unknown): string => (typeof v === 'string' ? v.slice(0, 10) : (v as Date).toISOString().slice(0, 10));

/** A certification is expired from its expiry date on, and "expiring" within EXPIRING_DAYS of it. */
export function certificationState(expiresOn: string, now: Date): CertificationState {
  const expires = Date.parse(`${expiresOn}T00:00:00Z`);
  if (now.getTime() >= expires) return 'expired';
  return expires - now.getTime() <= EXPIRING_DAYS * DAY_MS ? 'expiring' : 'valid';
}

// Contacts: people at the vendor, sealed whole (system scope, bound to the row id).

export async function contactsOf(vault: Vault, q: Queryable, vendorId: string): Promise<VendorContact[]> {
  const { rows } = await q.query<{ id: string; contact_sealed: Uint8Array }>('SELECT id, contact_sealed FROM vendor_contacts WHERE vendor_id = $1 ORDER BY position', [vendorId]);
  const out: VendorContact[] = [];
  for (const r of rows) out.push(JSON.parse((await vault.decrypt(q, SYSTEM, r.id, Buffer.from(r.contact_sealed))).toString('utf8')) as VendorContact);
  return out;
}

export async function setContacts(vault: Vault, tx: Queryable, vendorId: string, contacts: readonly VendorContact[], at: Date): Promise<void> {
  await tx.query('DELETE FROM vendor_contacts WHERE vendor_id = $1', [vendorId]);
  for (const [position, c] of contacts.entries()) {
    const id = randomUUID();
    const sealed = await vault.encrypt(tx, SYSTEM, id, Buffer.from(JSON.stringify({ name: c.name, email: c.email, phone: c.phone, role: c.role }), 'utf8'));
    await tx.query('INSERT INTO vendor_contacts (id, vendor_id, position, contact_sealed, created_at) VALUES ($1, $2, $3, $4, $5)', [id, vendorId, position, sealed, at]);
  }
}

// Certifications.

function toCertification(r: Record<string, unknown>, now: Date): Certification {
  const expiresOn = day(r.expires_on);
  return {
    id: r.id as string,
    kind: r.kind as CertificationKind,
    label: r.label as string,
    certificateId: r.certificate_id as string,
    issuedOn: day(r.issued_on),
    expiresOn,
    state: certificationState(expiresOn, now),
  };
}

export async function certificationsOf(q: Queryable, vendorId: string, now: Date): Promise<Certification[]> {
  const { rows } = await q.query<Record<string, unknown>>('SELECT * FROM vendor_certifications WHERE vendor_id = $1 ORDER BY expires_on, id', [vendorId]);
  return rows.map((r) => toCertification(r, now));
}

export async function insertCertification(
  tx: Queryable,
  vendorId: string,
  c: { kind: CertificationKind; label: string; certificateId: string; issuedOn: string; expiresOn: string },
  by: string,
  at: Date,
): Promise<string> {
  const id = randomUUID();
  await tx.query(
    `INSERT INTO vendor_certifications (id, vendor_id, kind, label, certificate_id, issued_on, expires_on, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6::date, $7::date, $8, $9)`,
    [id, vendorId, c.kind, c.label, c.certificateId, c.issuedOn, c.expiresOn, by, at],
  );
  return id;
}

export async function deleteCertification(tx: Queryable, vendorId: string, id: string): Promise<boolean> {
  const { rows } = await tx.query('DELETE FROM vendor_certifications WHERE id = $1 AND vendor_id = $2 RETURNING 1', [id, vendorId]);
  return rows.length > 0;
}

/** Certifications of active vendors expiring before `until` (for the dashboard and the alerts). */
export async function certificationsExpiringBefore(q: Queryable, until: Date, now: Date): Promise<(Certification & { vendorId: string; vendorName: string; brandIds: string[] })[]> {
  const { rows } = await q.query<Record<string, unknown>>(
    `SELECT c.*, v.name AS vendor_name,
            ARRAY(SELECT b.brand_id::text FROM vendor_brands b WHERE b.vendor_id = v.id ORDER BY b.brand_id) AS brand_ids
       FROM vendor_certifications c JOIN vendors v ON v.id = c.vendor_id
      WHERE v.status = 'active' AND c.expires_on < $1::date ORDER BY c.expires_on, c.id`,
    [until.toISOString().slice(0, 10)],
  );
  return rows.map((r) => ({ ...toCertification(r, now), vendorId: r.vendor_id as string, vendorName: r.vendor_name as string, brandIds: r.brand_ids as string[] }));
}

// Evidence files: metadata here, content sealed in the object store.

export interface EvidenceRow extends Evidence {
  objectKey: string;
  keySealed: Buffer;
}

function toEvidence(r: Record<string, unknown>): EvidenceRow {
  return {
    id: r.id as string,
    certificationId: (r.certification_id as string | null) ?? null,
    fileName: r.file_name as string,
    contentType: r.content_type as string,
    bytes: Number(r.plain_bytes),
    sha256: r.sha256 as string,
    uploadedBy: r.uploaded_by as string,
    uploadedAt: iso(r.uploaded_at),
    objectKey: r.object_key as string,
    keySealed: Buffer.from(r.key_sealed as Uint8Array),
  };
}

export async function evidenceOf(q: Queryable, vendorId: string): Promise<Evidence[]> {
  const { rows } = await q.query<Record<string, unknown>>('SELECT * FROM vendor_evidence WHERE vendor_id = $1 ORDER BY uploaded_at DESC, id', [vendorId]);
  return rows.map((r) => {
    const { objectKey: _k, keySealed: _s, ...e } = toEvidence(r);
    return e;
  });
}

export async function findEvidence(q: Queryable, vendorId: string, id: string): Promise<EvidenceRow | null> {
  const { rows } = await q.query<Record<string, unknown>>('SELECT * FROM vendor_evidence WHERE id = $1 AND vendor_id = $2', [id, vendorId]);
  return rows[0] ? toEvidence(rows[0]) : null;
}

export async function certificationExists(q: Queryable, vendorId: string, id: string): Promise<boolean> {
  return (await q.query('SELECT 1 FROM vendor_certifications WHERE id = $1 AND vendor_id = $2', [id, vendorId])).rows.length > 0;
}

export async function insertEvidence(tx: Queryable, vendorId: string, e: Omit<EvidenceRow, 'uploadedAt'>, at: Date): Promise<void> {
  await tx.query(
    `INSERT INTO vendor_evidence (id, vendor_id, certification_id, file_name, content_type, plain_bytes, sha256, object_key, key_sealed, uploaded_by, uploaded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [e.id, vendorId, e.certificationId, e.fileName, e.contentType, e.bytes, e.sha256, e.objectKey, e.keySealed, e.uploadedBy, at],
  );
}
