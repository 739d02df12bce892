import { useState } from 'react';
import { useBrands } from '../admin/useBrands.js';
import { api } from '../api.js';
import { formatRemaining } from '../incidents/format.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { SelectField } from '../ui/SelectField.js';
import { formatTime } from '../ui/format.js';
import { useAction } from '../ui/useAction.js';
import { useLoad } from '../ui/useLoad.js';
import { KIND_LABEL, STATUS_LABEL, type SubjectKind, type SubjectRequest, type SubjectStatus } from './types.js';

/** The deadline clock of a request: time left, overdue, or met (on time or late). */
export function DeadlineClock({ r }: { r: SubjectRequest }) {
  if (r.clock.status === 'met') return <span>met on time</span>;
  if (r.clock.status === 'met_late') return <span className="overdue">met late</span>;
  const ms = new Date(r.dueAt).getTime() - Date.now();
  return <span className={ms < 0 ? 'overdue' : undefined}>{formatRemaining(ms)}</span>;
}

/** Data-subject requests of the brands the person may see, with their deadline clocks; admins open new ones. */
export function SubjectRequestsPage({ canManage }: { canManage: boolean }) {
  const [status, setStatus] = useState<'' | SubjectStatus>('');
  const { data, error, loading } = useLoad(() => api.subjectRequests({ status: status || undefined }), [status]);
  return (
    <section aria-labelledby="dsr-title">
      <h1 id="dsr-title">Data-subject requests</h1>
      <ErrorNotice error={error} />
      {canManage && <NewRequestForm />}
      <div className="filters">
        <SelectField label="Status" value={status} onChange={setStatus} options={Object.keys(STATUS_LABEL) as SubjectStatus[]} labels={STATUS_LABEL} emptyLabel="Any" />
      </div>
      <table aria-busy={loading}>
        <caption className="sr-only">Data-subject requests</caption>
        <thead>
          <tr>
            <th scope="col">Request</th>
            <th scope="col">Kind</th>
            <th scope="col">Status</th>
            <th scope="col">Received</th>
            <th scope="col">Deadline</th>
            <th scope="col">Clock</th>
          </tr>
        </thead>
        <tbody>
          {(data?.items ?? []).map((r) => (
            <tr key={r.id} data-testid="dsr-row">
              <th scope="row">
                <a href={`#/subject-requests/${r.id}`}>DSR-{r.number}</a>
              </th>
              <td>{KIND_LABEL[r.kind]}</td>
              <td>{STATUS_LABEL[r.status]}</td>
              <td>{formatTime(r.receivedAt)}</td>
              <td>{formatTime(r.dueAt)}</td>
              <td>
                <DeadlineClock r={r} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {data && data.items.length === 0 && <p>No data-subject requests.</p>}
    </section>
  );
}

const KINDS: { value: string; regime: 'gdpr' | 'ccpa'; kind: SubjectKind }[] = [
  { value: 'gdpr:access', regime: 'gdpr', kind: 'access' },
  { value: 'gdpr:erasure', regime: 'gdpr', kind: 'erasure' },
  { value: 'ccpa:know', regime: 'ccpa', kind: 'know' },
  { value: 'ccpa:delete', regime: 'ccpa', kind: 'delete' },
];
/** One value per line (or comma-separated), blanks dropped. */
const values = (s: string) => s.split(/[\n,]/).map((v) => v.trim()).filter(Boolean);

/** Opens a request: the identifiers go to the server once, which keeps only their keyed hashes. */
function NewRequestForm() {
  const { brands } = useBrands();
  const [brandId, setBrandId] = useState('');
  const [kind, setKind] = useState('gdpr:access');
  const [phones, setPhones] = useState('');
  const [emails, setEmails] = useState('');
  const [names, setNames] = useState('');
  const [accounts, setAccounts] = useState('');
  const [receivedAt, setReceivedAt] = useState('');
  const action = useAction();
  const chosen = brandId || brands[0]?.id || '';
  return (
    <details className="panel">
      <summary>New request</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const k = KINDS.find((x) => x.value === kind)!;
          void action.run(async () => {
            const r = await api.openSubjectRequest({
              brandId: chosen,
              regime: k.regime,
              kind: k.kind,
              identifiers: { phones: values(phones), emails: values(emails), names: values(names), accountNumbers: values(accounts) },
              ...(receivedAt && { receivedAt: new Date(receivedAt).toISOString() }),
            });
            window.location.hash = `#/subject-requests/${r.id}`;
          });
        }}
      >
        <ErrorNotice error={action.error} />
        <div className="field">
          <label htmlFor="dsr-brand">Brand</label>
          <select id="dsr-brand" value={chosen} onChange={(e) => setBrandId(e.target.value)}>
            {brands.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="dsr-kind">Kind</label>
          <select id="dsr-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
            {KINDS.map((k) => (
              <option key={k.value} value={k.value}>
                {KIND_LABEL[k.kind]}
              </option>
            ))}
          </select>
        </div>
        <p className="hint">Any of the identifiers, one per line. They are not stored: only keyed hashes are kept, to find the calls that mention them.</p>
        <div className="field">
          <label htmlFor="dsr-phones">Phone numbers</label>
          <textarea id="dsr-phones" rows={2} value={phones} onChange={(e) => setPhones(e.target.value)} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="dsr-emails">Email addresses</label>
          <textarea id="dsr-emails" rows={2} value={emails} onChange={(e) => setEmails(e.target.value)} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="dsr-names">Names</label>
          <textarea id="dsr-names" rows={2} value={names} onChange={(e) => setNames(e.target.value)} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="dsr-accounts">Account numbers</label>
          <textarea id="dsr-accounts" rows={2} value={accounts} onChange={(e) => setAccounts(e.target.value)} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="dsr-received">Received (default: now)</label>
          <input id="dsr-received" type="datetime-local" value={receivedAt} onChange={(e) => setReceivedAt(e.target.value)} />
        </div>
        <button type="submit" className="primary" disabled={action.busy || !chosen}>
          Open the request
        </button>
      </form>
    </details>
  );
}
