import { createHash, randomUUID } from 'node:crypto';
import { isUuid, type Principal } from '../access/index.js';
import { putSealedObject, readSealedObject, sealedObjectInfo } from '../storage/index.js';
import { newRecordKey } from '../vault/record-key.js';
import { actorRef, type VendorContext } from './context.js';
import { vendorErrors } from './errors.js';
import * as records from './records-data.js';
import type { Evidence } from './types.js';

const SYSTEM = { system: true } as const;
/** Certificates, AoCs and audit reports are documents, not recordings: 25 MB is plenty. */
export const MAX_EVIDENCE_BYTES = 25 * 1024 * 1024;
export const EVIDENCE_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'text/plain', 'text/csv', 'application/json', 'application/zip'] as const;

const objectKeyOf = (vendorId: string, id: string) => `vendors/${vendorId}/evidence/${id}`;
/** Binds every sealed segment to this file, so a copy under another name or key does not open. */
const purposeOf = (id: string) => `vendor-evidence:${id}`;

/** A file name safe to store and to send back in Content-Disposition: its last path part, printable, 200 characters at most. */
export function cleanFileName(raw: string): string {
  const last = raw.split(/[\\/]/).pop() ?? '';
  const printable = last.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(0, 200);
  return printable || 'evidence';
}

export interface EvidenceUpload {
  certificationId?: string;
  fileName: string;
  contentType: string;
  content: AsyncIterable<Uint8Array>;
}

export interface EvidenceDownload {
  evidence: Evidence;
  body: AsyncIterable<Uint8Array>;
}

export interface EvidenceFiles {
  /** Streams the file sealed into the object store; the row (with its sealed key) and the event commit together. */
  upload(p: Principal, vendorId: string, file: EvidenceUpload): Promise<Evidence>;
  /** The file's plaintext; the download is audited before a byte leaves. */
  download(p: Principal, vendorId: string, evidenceId: string): Promise<EvidenceDownload>;
}

export function createEvidenceFiles(ctx: VendorContext): EvidenceFiles {
  const { db, vault, store, now } = ctx;
  return {
    async upload(p, vendorId, file) {
      const v = await ctx.load(p, vendorId, 'manage', 'vendor.evidence.upload');
      if (!(EVIDENCE_TYPES as readonly string[]).includes(file.contentType)) throw vendorErrors.bad_file_type();
      const certificationId = file.certificationId ?? null;
      if (certificationId !== null && !(isUuid(certificationId) && (await records.certificationExists(db, vendorId, certificationId)))) throw vendorErrors.certification_not_found();
      const id = randomUUID();
      const key = newRecordKey();
      const objectKey = objectKeyOf(vendorId, id);
      const hash = createHash('sha256');
      let bytes = 0;
      async function* counted(): AsyncGenerator<Uint8Array> {
        for await (const chunk of file.content) {
          bytes += chunk.length;
          if (bytes > MAX_EVIDENCE_BYTES) throw vendorErrors.too_large(`Evidence files are at most ${MAX_EVIDENCE_BYTES} bytes`);
          hash.update(chunk);
          yield chunk;
        }
      }
      await putSealedObject(store, objectKey, key, purposeOf(id), counted());
      try {
        if (bytes === 0) throw vendorErrors.empty_file();
        const t = now();
        const row = { id, certificationId, fileName: cleanFileName(file.fileName), contentType: file.contentType, bytes, sha256: hash.digest('hex'), uploadedBy: actorRef(p), objectKey };
        await db.transaction(async (tx) => {
          const keySealed = await vault.encrypt(tx, SYSTEM, id, key);
          await records.insertEvidence(tx, vendorId, { ...row, keySealed }, t);
          await ctx.record(tx, p, v, 'vendor.evidence.upload', { evidenceId: id, bytes, certificationId });
        });
        const { objectKey: _o, ...evidence } = row;
        return { ...evidence, uploadedAt: t.toISOString() };
      } catch (err) {
        // No row, no file: an object whose key was never stored could never be opened anyway.
        await store.delete(objectKey);
        throw err;
      }
    },

    async download(p, vendorId, evidenceId) {
      const v = await ctx.load(p, vendorId, 'read', 'vendor.evidence.download');
      const row = isUuid(evidenceId) ? await records.findEvidence(db, vendorId, evidenceId) : null;
      if (!row) throw vendorErrors.evidence_not_found();
      const key = await db.transaction(async (tx) => {
        const k = await vault.decrypt(tx, SYSTEM, row.id, row.keySealed);
        await ctx.record(tx, p, v, 'vendor.evidence.download', { evidenceId: row.id, bytes: row.bytes });
        return k;
      });
      const info = await sealedObjectInfo(store, row.objectKey);
      const { objectKey: _o, keySealed: _k, ...evidence } = row;
      return { evidence, body: readSealedObject(store, row.objectKey, key, purposeOf(row.id), undefined, info) };
    },
  };
}
