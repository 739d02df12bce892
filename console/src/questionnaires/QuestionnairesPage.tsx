import { useState } from 'react';
import { api } from '../api.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { formatTime } from '../ui/format.js';
import { SelectField } from '../ui/SelectField.js';
import { useLoad } from '../ui/useLoad.js';
import type { QuestionnaireStatus } from './adminTypes.js';
import { SendQuestionnaire } from './SendQuestionnaire.js';
import { STATUS_LABEL } from './status.js';

/** Vendor security questionnaires: every one the reader may see, by status; admins send new ones. */
export function QuestionnairesPage({ canManage }: { canManage: boolean }) {
  const [status, setStatus] = useState<'' | QuestionnaireStatus>('');
  const { data, error, loading, reload } = useLoad(() => api.questionnaires(status ? { status } : {}), [status]);
  return (
    <section aria-labelledby="questionnaires-title">
      <h1 id="questionnaires-title">Questionnaires</h1>
      <p className="hint">Security questionnaires sent to vendors: their answers, the findings and risk score they lead to, and the review decision.</p>
      {canManage && (
        <details className="panel">
          <summary>Send a questionnaire</summary>
          <SendQuestionnaire onSent={reload} />
        </details>
      )}
      <div className="filters">
        <SelectField label="Status" value={status} onChange={setStatus} options={Object.keys(STATUS_LABEL) as QuestionnaireStatus[]} labels={STATUS_LABEL} emptyLabel="All" />
      </div>
      <ErrorNotice error={error} />
      <QuestionnaireTable items={data?.items ?? []} busy={loading} />
      {data && data.items.length === 0 && <p>No questionnaires.</p>}
    </section>
  );
}

/** The list, also used on a vendor's page (`showVendor` false there). */
export function QuestionnaireTable({ items, busy, showVendor = true }: { items: Awaited<ReturnType<typeof api.questionnaires>>['items']; busy: boolean; showVendor?: boolean }) {
  return (
    <table aria-busy={busy}>
      <caption className="sr-only">Questionnaires</caption>
      <thead>
        <tr>
          {showVendor && <th>Vendor</th>}
          <th>Status</th>
          <th>Sent</th>
          <th>Link expires</th>
          <th>Submitted</th>
          <th>Risk score</th>
        </tr>
      </thead>
      <tbody>
        {items.map((q) => (
          <tr key={q.id} data-testid="questionnaire-row">
            {showVendor && <td>{q.vendorName}</td>}
            <td>
              <a href={`#/questionnaires/${q.id}`}>
                <span className="badge">{STATUS_LABEL[q.status]}</span>
              </a>
              {q.round > 1 && ` (round ${q.round})`}
            </td>
            <td>{formatTime(q.createdAt)}</td>
            <td>{q.status === 'sent' && q.link ? `${formatTime(q.link.expiresAt)}${q.link.state === 'active' ? '' : ` (${q.link.state})`}` : '—'}</td>
            <td>{formatTime(q.submittedAt)}</td>
            <td>{q.riskScore ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
