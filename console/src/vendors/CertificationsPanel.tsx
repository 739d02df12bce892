import { useState } from 'react';
import { api } from '../api.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { useAction } from '../ui/useAction.js';
import { CERTIFICATION_LABEL, type CertificationKind, type Vendor } from './types.js';

/** Certifications with their expiry state; admins add and remove them. */
export function CertificationsPanel({ vendor, canManage, onChange }: { vendor: Vendor; canManage: boolean; onChange: () => void }) {
  const [kind, setKind] = useState<CertificationKind>('pci_dss_aoc');
  const [label, setLabel] = useState('');
  const [certificateId, setCertificateId] = useState('');
  const [issuedOn, setIssuedOn] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const action = useAction();
  return (
    <section aria-labelledby="vendor-certs-title">
      <h2 id="vendor-certs-title">Certifications</h2>
      <ErrorNotice error={action.error} />
      {vendor.certifications.length === 0 && <p>No certification recorded.</p>}
      <ul className="cards">
        {vendor.certifications.map((c) => (
          <li key={c.id} className={`card ${c.state === 'expired' ? 'severity-critical' : c.state === 'expiring' ? 'severity-medium' : ''}`} data-testid="vendor-certification">
            <strong>{CERTIFICATION_LABEL[c.kind]}</strong>
            {c.label && ` (${c.label})`} {c.certificateId && <span className="mono">{c.certificateId}</span>} · issued {c.issuedOn} · expires {c.expiresOn} ·{' '}
            <span className={c.state === 'valid' ? undefined : 'overdue'}>{c.state}</span>
            {canManage && (
              <button
                type="button"
                disabled={action.busy}
                onClick={() =>
                  void action.run(async () => {
                    await api.removeVendorCertification(vendor.id, c.id);
                    onChange();
                  })
                }
              >
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>
      {canManage && (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            void action.run(async () => {
              await api.addVendorCertification(vendor.id, { kind, issuedOn, expiresOn, ...(label.trim() && { label: label.trim() }), ...(certificateId.trim() && { certificateId: certificateId.trim() }) });
              setLabel('');
              setCertificateId('');
              onChange();
            });
          }}
        >
          <div className="field">
            <label htmlFor="cert-kind">Kind</label>
            <select id="cert-kind" value={kind} onChange={(e) => setKind(e.target.value as CertificationKind)}>
              {(Object.keys(CERTIFICATION_LABEL) as CertificationKind[]).map((k) => (
                <option key={k} value={k}>
                  {CERTIFICATION_LABEL[k]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="cert-label">Label</label>
            <input id="cert-label" maxLength={200} value={label} onChange={(e) => setLabel(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="cert-id">Certificate id</label>
            <input id="cert-id" maxLength={200} value={certificateId} onChange={(e) => setCertificateId(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="cert-issued">Issued</label>
            <input id="cert-issued" type="date" required value={issuedOn} onChange={(e) => setIssuedOn(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="cert-expires">Expires</label>
            <input id="cert-expires" type="date" required value={expiresOn} onChange={(e) => setExpiresOn(e.target.value)} />
          </div>
          <button type="submit" disabled={action.busy}>
            Add certification
          </button>
        </form>
      )}
    </section>
  );
}
