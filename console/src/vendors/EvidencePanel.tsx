import { useState } from 'react';
import { api } from '../api.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { formatTime } from '../ui/format.js';
import { useAction } from '../ui/useAction.js';
import type { Vendor } from './types.js';
import { uploadVendorEvidence } from './upload.js';

/** Evidence files (stored sealed; each download is audited); admins upload, optionally for one certification. */
export function EvidencePanel({ vendor, canManage, onChange }: { vendor: Vendor; canManage: boolean; onChange: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [certificationId, setCertificationId] = useState('');
  const [inputKey, setInputKey] = useState(0);
  const action = useAction();
  return (
    <section aria-labelledby="vendor-evidence-title">
      <h2 id="vendor-evidence-title">Evidence files</h2>
      <ErrorNotice error={action.error} />
      {vendor.evidence.length === 0 && <p>No evidence uploaded.</p>}
      <ul className="cards">
        {vendor.evidence.map((e) => (
          <li key={e.id} className="card" data-testid="vendor-evidence">
            <a href={api.vendorEvidenceUrl(vendor.id, e.id)} download={e.fileName}>
              {e.fileName}
            </a>{' '}
            · {Math.ceil(e.bytes / 1024)} KB · uploaded {formatTime(e.uploadedAt)}
            {e.certificationId && ' · for a certification'} · <span className="mono" title="SHA-256">{e.sha256.slice(0, 16)}…</span>
          </li>
        ))}
      </ul>
      {canManage && (
        <form
          className="row"
          onSubmit={(ev) => {
            ev.preventDefault();
            if (!file) return;
            void action.run(async () => {
              await uploadVendorEvidence(vendor.id, file, certificationId || undefined);
              setFile(null);
              setInputKey((k) => k + 1);
              onChange();
            });
          }}
        >
          <div className="field">
            <label htmlFor="evidence-file">File (PDF, image, text, CSV, JSON, ZIP; up to 25 MB)</label>
            <input key={inputKey} id="evidence-file" type="file" accept=".pdf,.png,.jpg,.jpeg,.txt,.csv,.json,.zip" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </div>
          <div className="field">
            <label htmlFor="evidence-cert">For certification</label>
            <select id="evidence-cert" value={certificationId} onChange={(e) => setCertificationId(e.target.value)}>
              <option value="">None</option>
              {vendor.certifications.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.kind} · expires {c.expiresOn}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" disabled={action.busy || !file}>
            Upload
          </button>
        </form>
      )}
    </section>
  );
}
