import { useEffect, useState } from 'react';
import { api } from '../api.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { formatTime } from '../ui/format.js';
import { useAction } from '../ui/useAction.js';
import { useLoad } from '../ui/useLoad.js';
import { DeadlineClock } from './SubjectRequestsPage.js';
import { KIND_LABEL, STATUS_LABEL, type SubjectCertificate, type SubjectRequest } from './types.js';

const OUTCOME_LABEL = { found: 'found', exported: 'exported', erased: 'erased', held: 'kept: legal hold' } as const;
const isErasure = (r: SubjectRequest) => r.kind === 'erasure' || r.kind === 'delete';
const finished = (r: SubjectRequest) => r.status === 'closed' || r.status === 'rejected';

/** Saves JSON the server answered as a file (a POST cannot be a plain download link). */
function download(name: string, body: unknown): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(body, null, 2)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** One request: the calls found, and (admins) find, export or erase, extend, reject, close. */
export function SubjectRequestPage({ requestId, canManage }: { requestId: string; canManage: boolean }) {
  const { data: r, error, reload } = useLoad(() => api.subjectRequest(requestId), [requestId]);
  const action = useAction();
  const [confirmErase, setConfirmErase] = useState(false);
  const [notice, setNotice] = useState('');
  const [, setTick] = useState(0);
  useEffect(() => {
    const t = setInterval(() => setTick((n) => n + 1), 1000);
    return () => clearInterval(t);
  }, []);
  if (!r) return <ErrorNotice error={error} />;
  const act = (fn: () => Promise<unknown>, done?: string) =>
    void action.run(async () => {
      await fn();
      if (done !== undefined) setNotice(done);
      reload();
    });
  const pending = (r.calls ?? []).filter((c) => c.outcome === 'found' || c.outcome === 'held').length;
  return (
    <section aria-labelledby="dsr-detail-title">
      <p>
        <a href="#/subject-requests">← Data-subject requests</a>
      </p>
      <h1 id="dsr-detail-title">
        Data-subject request DSR-{r.number}: {KIND_LABEL[r.kind]}
      </h1>
      <ErrorNotice error={action.error ?? error} />
      {notice && <p role="status">{notice}</p>}
      <dl className="facts">
        <dt>Status</dt>
        <dd data-testid="dsr-status">{STATUS_LABEL[r.status]}</dd>
        <dt>Received</dt>
        <dd>{formatTime(r.receivedAt)}</dd>
        <dt>Deadline</dt>
        <dd>
          {formatTime(r.dueAt)} (<span data-testid="dsr-clock"><DeadlineClock r={r} /></span>)
        </dd>
        <dt>Identifiers (kept as hashes only)</dt>
        <dd>{Object.entries(r.identifierTypes).map(([t, n]) => `${t} × ${n}`).join(', ')}</dd>
        {r.rejectionReason && (
          <>
            <dt>Rejected because</dt>
            <dd>{r.rejectionReason}</dd>
          </>
        )}
      </dl>
      {r.extensions.length > 0 && (
        <>
          <h2>Extensions</h2>
          <ol>
            {r.extensions.map((e) => (
              <li key={e.position}>
                To {formatTime(e.newDueAt)}: {e.reason} ({e.extendedBy}, {formatTime(e.extendedAt)})
              </li>
            ))}
          </ol>
        </>
      )}
      <h2>Calls found</h2>
      {r.foundAt === null ? (
        <p>Not searched yet.</p>
      ) : (
        <table>
          <caption className="sr-only">Calls that mention the subject</caption>
          <thead>
            <tr>
              <th scope="col">Call</th>
              <th scope="col">Started</th>
              <th scope="col">Agent</th>
              <th scope="col">Redactions</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {(r.calls ?? []).map((c) => (
              <tr key={c.callId} data-testid="dsr-call">
                <th scope="row">{c.call ? c.call.externalId : c.callId}</th>
                <td>{formatTime(c.call?.startedAt ?? c.call?.createdAt)}</td>
                <td>{c.call?.agentRef ?? '—'}</td>
                <td>{c.call?.redactionCount ?? '—'}</td>
                <td>{OUTCOME_LABEL[c.outcome]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {r.foundAt !== null && (r.calls ?? []).length === 0 && <p>No call mentions the subject.</p>}
      {canManage && !finished(r) && (
        <div className="actions">
          <button type="button" disabled={action.busy} onClick={() => act(() => api.findSubjectCalls(r.id), 'Search done.')}>
            Find calls
          </button>
          {!isErasure(r) && r.foundAt !== null && (
            <button type="button" disabled={action.busy} onClick={() => act(async () => download(`subject-request-${r.number}-export.json`, await api.exportSubjectRequest(r.id)), 'Export downloaded.')}>
              Export (download)
            </button>
          )}
          {isErasure(r) && r.foundAt !== null && pending > 0 && !confirmErase && (
            <button type="button" className="danger" disabled={action.busy} onClick={() => setConfirmErase(true)}>
              Erase…
            </button>
          )}
          {r.foundAt !== null && (
            <button type="button" disabled={action.busy} onClick={() => act(() => api.closeSubjectRequest(r.id), 'Request closed.')}>
              Close
            </button>
          )}
        </div>
      )}
      {confirmErase && (
        <div className="panel" role="alertdialog" aria-labelledby="erase-confirm-title">
          <h2 id="erase-confirm-title">Erase {pending} call(s)?</h2>
          <p>Their records are deleted and their keys destroyed: this cannot be undone, and copies in backups become unreadable. Calls under a legal hold are kept.</p>
          <button
            type="button"
            className="danger"
            disabled={action.busy}
            onClick={() =>
              act(async () => {
                setConfirmErase(false);
                const res = await api.eraseSubjectCalls(r.id);
                setNotice(`${res.erased.length} call(s) erased, ${res.held.length} kept under a legal hold.`);
              }, undefined)
            }
          >
            Erase permanently
          </button>
          <button type="button" onClick={() => setConfirmErase(false)}>
            Cancel
          </button>
        </div>
      )}
      {canManage && !finished(r) && <ReasonForm label="Extend the deadline" button="Extend" onSubmit={(reason) => act(() => api.extendSubjectRequest(r.id, reason), 'Deadline extended.')} />}
      {canManage && (r.status === 'open' || r.status === 'found') && <ReasonForm label="Reject the request" button="Reject" onSubmit={(reason) => act(() => api.rejectSubjectRequest(r.id, reason), 'Request rejected.')} />}
      {finished(r) && <CertificateView requestId={r.id} />}
    </section>
  );
}

function ReasonForm({ label, button, onSubmit }: { label: string; button: string; onSubmit: (reason: string) => void }) {
  const [reason, setReason] = useState('');
  const id = `dsr-${button.toLowerCase()}-reason`;
  return (
    <details className="panel">
      <summary>{label}</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit(reason.trim());
          setReason('');
        }}
      >
        <div className="field">
          <label htmlFor={id}>Reason</label>
          <textarea id={id} required minLength={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
        <button type="submit">{button}</button>
      </form>
    </details>
  );
}

/** The closing certificate: counts, call ids, held items and the audit events that record them. */
function CertificateView({ requestId }: { requestId: string }) {
  const { data: c, error } = useLoad<SubjectCertificate>(() => api.subjectCertificate(requestId), [requestId]);
  if (!c) return <ErrorNotice error={error} />;
  return (
    <section className="panel" data-testid="certificate" aria-labelledby="cert-title">
      <h2 id="cert-title">Certificate of completion</h2>
      <p>
        Outcome: <strong>{c.outcome}</strong>, {c.onTime ? 'on time' : 'late'}. Closed {formatTime(c.dates.closedAt)}.
      </p>
      <ul>
        <li>Found: {c.found.calls} call(s)</li>
        <li>Exported: {c.exported.calls} call(s)</li>
        <li>
          Erased: {c.erased.calls} call(s), {c.erased.keysDestroyed} key(s) destroyed, {c.erased.paymentTokensDestroyed} payment token(s) destroyed
        </li>
        <li>Held (not erased): {c.held.length}</li>
        <li>Audit events: {c.auditEvents.map((e) => `${e.action} #${e.seq}`).join(', ')}</li>
      </ul>
      <p>
        <a href={api.subjectCertificateUrl(requestId)} target="_blank" rel="noreferrer">
          Printable certificate
        </a>
      </p>
    </section>
  );
}
