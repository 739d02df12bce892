import { useState } from 'react';
import { api } from '../api.js';
import { useBrands } from '../admin/useBrands.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { formatTime } from '../ui/format.js';
import { useAction } from '../ui/useAction.js';
import { useLoad } from '../ui/useLoad.js';
import { DashboardPanel } from './DashboardPanel.js';
import { VENDOR_KIND_LABEL, type VendorKind } from './types.js';

/** Vendors: the dashboard of what is overdue or expiring, then every vendor the reader may see. */
export function VendorsPage({ canManage }: { canManage: boolean }) {
  const [status, setStatus] = useState<'' | 'active' | 'revoked'>('');
  const { data, error, loading } = useLoad(() => api.vendors(status ? { status } : {}), [status]);
  return (
    <section aria-labelledby="vendors-title">
      <h1 id="vendors-title">Vendors</h1>
      <p className="hint">Partners that reach the brands' data: how, under which certifications, and when they are due for review.</p>
      <DashboardPanel />
      {canManage && <NewVendorForm />}
      <div className="filters">
        <div className="field">
          <label htmlFor="vendor-status">Status</label>
          <select id="vendor-status" value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
            <option value="">All</option>
            <option value="active">Active</option>
            <option value="revoked">Revoked</option>
          </select>
        </div>
      </div>
      <ErrorNotice error={error} />
      <table aria-busy={loading}>
        <caption className="sr-only">Vendors</caption>
        <thead>
          <tr>
            <th>Name</th>
            <th>Kind</th>
            <th>Status</th>
            <th>Next review</th>
            <th>Risk</th>
            <th>Brands</th>
            <th>Keys / users</th>
          </tr>
        </thead>
        <tbody>
          {(data?.items ?? []).map((v) => (
            <tr key={v.id} className={v.overdue ? 'overdue' : undefined} data-testid="vendor-row">
              <td>
                <a href={`#/vendors/${v.id}`}>{v.name}</a>
              </td>
              <td>{VENDOR_KIND_LABEL[v.kind]}</td>
              <td>
                <span className="badge">{v.status}</span>
              </td>
              <td>
                {formatTime(v.nextReviewAt)}
                {v.overdue && ' (overdue)'}
              </td>
              <td>{v.riskScore ?? '—'}</td>
              <td>{v.brands.length}</td>
              <td>
                {v.apiKeyCount} / {v.userCount}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {data && data.items.length === 0 && <p>No vendors.</p>}
    </section>
  );
}

function NewVendorForm() {
  const { brands } = useBrands();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<VendorKind>('sub_processor');
  const [services, setServices] = useState('');
  const [intervalDays, setIntervalDays] = useState(365);
  const [access, setAccess] = useState<Record<string, string>>({});
  const action = useAction();
  return (
    <details className="panel">
      <summary>Register a vendor</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void action.run(async () => {
            const v = await api.createVendor({
              name: name.trim(),
              kind,
              services: services.trim(),
              reviewIntervalDays: intervalDays,
              brands: Object.entries(access).map(([brandId, dataAccess]) => ({ brandId, dataAccess: dataAccess.trim() })),
            });
            window.location.hash = `#/vendors/${v.id}`;
          });
        }}
      >
        <ErrorNotice error={action.error} />
        <div className="field">
          <label htmlFor="vendor-name">Name</label>
          <input id="vendor-name" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="vendor-kind">Kind</label>
          <select id="vendor-kind" value={kind} onChange={(e) => setKind(e.target.value as VendorKind)}>
            {(Object.keys(VENDOR_KIND_LABEL) as VendorKind[]).map((k) => (
              <option key={k} value={k}>
                {VENDOR_KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="vendor-services">Services</label>
          <textarea id="vendor-services" maxLength={2000} value={services} onChange={(e) => setServices(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="vendor-interval">Review every (days)</label>
          <input id="vendor-interval" type="number" min={1} max={3650} value={intervalDays} onChange={(e) => setIntervalDays(Number(e.target.value))} />
        </div>
        <fieldset>
          <legend>Brands whose data it touches, and how</legend>
          {brands.map((b) => (
            <div key={b.id} className="row">
              <label className="check">
                <input
                  type="checkbox"
                  checked={b.id in access}
                  onChange={(e) => {
                    const next = { ...access };
                    if (e.target.checked) next[b.id] = '';
                    else delete next[b.id];
                    setAccess(next);
                  }}
                />{' '}
                {b.name}
              </label>
              {b.id in access && (
                <input aria-label={`Data access for ${b.name}`} placeholder="e.g. call recordings, for QA scoring" maxLength={1000} value={access[b.id]} onChange={(e) => setAccess({ ...access, [b.id]: e.target.value })} />
              )}
            </div>
          ))}
        </fieldset>
        <button type="submit" className="primary" disabled={action.busy || name.trim() === ''}>
          Register
        </button>
      </form>
    </details>
  );
}
