import { ApiError } from '../api.js';
import type { VendorEvidenceFile } from './types.js';

/** Uploads an evidence file as multipart/form-data (the JSON client cannot send files). */
export async function uploadVendorEvidence(vendorId: string, file: File, certificationId?: string): Promise<VendorEvidenceFile> {
  const form = new FormData();
  // Field order matters: the server reads certificationId before the streamed file.
  if (certificationId) form.append('certificationId', certificationId);
  form.append('file', file, file.name);
  let res: Response;
  try {
    res = await fetch(`/api/v1/vendors/${encodeURIComponent(vendorId)}/evidence`, { method: 'POST', headers: { 'x-callvault-csrf': '1', accept: 'application/json' }, credentials: 'same-origin', body: form });
  } catch {
    throw new ApiError(0, 'network', 'The server cannot be reached.', undefined);
  }
  const data = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok) {
    throw new ApiError(res.status, typeof data.error === 'string' ? data.error : `http.${res.status}`, typeof data.message === 'string' ? data.message : 'Upload failed', typeof data.requestId === 'string' ? data.requestId : undefined);
  }
  return data as unknown as VendorEvidenceFile;
}
