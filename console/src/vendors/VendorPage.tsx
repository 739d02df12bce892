import { useState } from 'react';
import { api } from '../api.js';
import { useBrands } from '../admin/useBrands.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { formatTime } from '../ui/format.js';
import { useAction } from '../ui/useAction.js';
import { useLoad } from '../ui/useLoad.js';
import { AccessPanel } from './AccessPanel.js';
import { CertificationsPanel } from './CertificationsPanel.js';
import { EvidencePanel } from './EvidencePanel.js';
import { RevokePanel } from './RevokePanel.js';
import { VENDOR_KIND_LABEL } from './types.js';
import { VendorQuestionnaires } from '../questionnaires/VendorQuestionnaires.js';

/** One vendor: what it does, whose data it touches, its contacts, access, certifications, evidence; review and revoke for admins. */
export function VendorPage({ vendorId, canManage }: { vendorId: string; canManage: boolean }) {
  const { data: v, error, reload } = useLoad(() => api.vendor(vendorId), [vendorId]);
  const { brands } = useBrands();
  const brandName = (id: string) => brands.find((b) => b.id === id)?.name ?? id;
  const [risk, setRisk] = useState(0);
  const review = useAction();
  return (
    <section aria-labelledby="vendor-title">
      <p>
        <a href="#/vendors">← Vendors</a>
      </p>
      <ErrorNotice error={error ?? review.error} />
      {v && (
        <>
          <h1 id="vendor-title">{v.name}</h1>
          <p>
            <span className="badge" data-testid="vendor-status">
              {v.status}
            </span>{' '}
            {VENDOR_KIND_LABEL[v.kind]} · next review <span className={v.overdue ? 'overdue' : undefined}>{formatTime(v.nextReviewAt)}{v.overdue && ' (overdue)'}</span> · last review {formatTime(v.lastReviewedAt)} · risk {v.riskScore ?? 'not assessed'} · every {v.reviewIntervalDays} days
          </p>
          {v.services && <p>{v.services}</p>}
          {canManage && v.status === 'active' && (
            <form
              className="row"
              onSubmit={(e) => {
                e.preventDefault();
                void review.run(async () => {
                  await api.recordVendorReview(v.id, risk);
                  reload();
                });
              }}
            >
              <div className="field">
                <label htmlFor="vendor-risk">Risk score of this review (0–100)</label>
                <input id="vendor-risk" type="number" min={0} max={100} value={risk} onChange={(e) => setRisk(Number(e.target.value))} />
              </div>
              <button type="submit" disabled={review.busy}>
                Record review
              </button>
            </form>
          )}
          <h2>Brands and data</h2>
          {v.brands.length === 0 && <p>Touches no brand's data.</p>}
          <ul>
            {v.brands.map((b) => (
              <li key={b.brandId}>
                <strong>{brandName(b.brandId)}</strong>
                {b.dataAccess && <> — {b.dataAccess}</>}
              </li>
            ))}
          </ul>
          <h2>Contacts</h2>
          {v.contacts.length === 0 && <p>No contact recorded.</p>}
          <ul>
            {v.contacts.map((c, i) => (
              <li key={i}>
                {c.name}
                {c.role && ` (${c.role})`} · {c.email}
                {c.phone && ` · ${c.phone}`}
              </li>
            ))}
          </ul>
          <AccessPanel vendor={v} canManage={canManage} onChange={reload} />
          <CertificationsPanel vendor={v} canManage={canManage} onChange={reload} />
          <EvidencePanel vendor={v} canManage={canManage} onChange={reload} />
          <VendorQuestionnaires vendorId={v.id} canSend={canManage && v.status === 'active'} />
          {canManage && <RevokePanel vendor={v} onChange={reload} />}
        </>
      )}
    </section>
  );
}
