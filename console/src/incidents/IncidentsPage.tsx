import { useState } from 'react';
import { useBrands } from '../admin/useBrands.js';
import { api } from '../api.js';
import { INCIDENT_STATUSES, PLAYBOOKS, type IncidentSeverity, type IncidentStatus, type Playbook } from '../types.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { SelectField } from '../ui/SelectField.js';
import { formatTime } from '../ui/format.js';
import { useAction } from '../ui/useAction.js';
import { useLoad } from '../ui/useLoad.js';
import { actorLabel, formatRemaining, PLAYBOOK_LABEL, STATUS_LABEL } from './format.js';

/** Incidents, newest first, with the nearest open deadline; security admins report new ones here. */
export function IncidentsPage({ canManage }: { canManage: boolean }) {
  const [status, setStatus] = useState<'' | IncidentStatus>('');
  const { data, error, loading } = useLoad(() => api.incidents({ status: status || undefined }), [status]);
  return (
    <section aria-labelledby="incidents-title">
      <h1 id="incidents-title">Incidents</h1>
      <ErrorNotice error={error} />
      {canManage && <ReportIncidentForm />}
      <div className="filters">
        <SelectField label="Status" value={status} onChange={setStatus} options={INCIDENT_STATUSES} labels={STATUS_LABEL} emptyLabel="Any" />
      </div>
      <table aria-busy={loading}>
        <caption className="sr-only">Incidents</caption>
        <thead>
          <tr>
            <th scope="col">Incident</th>
            <th scope="col">Playbook</th>
            <th scope="col">Severity</th>
            <th scope="col">Status</th>
            <th scope="col">Suspect</th>
            <th scope="col">Next deadline</th>
            <th scope="col">Opened</th>
          </tr>
        </thead>
        <tbody>
          {(data?.items ?? []).map((i) => {
            const next = i.clocks.filter((c) => !c.metAt).sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
            return (
              <tr key={i.id} data-testid="incident-row">
                <th scope="row">
                  <a href={`#/incidents/${i.id}`}>
                    #{i.number} {i.title}
                  </a>
                </th>
                <td>{PLAYBOOK_LABEL[i.playbook]}</td>
                <td>{i.severity}</td>
                <td>{STATUS_LABEL[i.status]}</td>
                <td>{actorLabel(i.suspect)}</td>
                <td className={next && next.state.status === 'overdue' ? 'overdue' : undefined}>{next ? formatRemaining(new Date(next.dueAt).getTime() - Date.now()) : '—'}</td>
                <td>{formatTime(i.createdAt)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {data && data.items.length === 0 && <p>No incidents.</p>}
    </section>
  );
}

/** A person reports an incident (a lost laptop, a vendor's breach notice): the playbook and clocks start now. */
function ReportIncidentForm() {
  const { brands } = useBrands();
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [playbook, setPlaybook] = useState<Playbook>('lost_device');
  const [severity, setSeverity] = useState<IncidentSeverity>('medium');
  const [brandIds, setBrandIds] = useState<string[]>([]);
  const action = useAction();
  return (
    <details className="panel">
      <summary>Report an incident</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void action.run(async () => {
            const i = await api.reportIncident({ title: title.trim(), ...(summary.trim() && { summary: summary.trim() }), playbook, severity, brandIds });
            window.location.hash = `#/incidents/${i.id}`;
          });
        }}
      >
        <ErrorNotice error={action.error} />
        <div className="field">
          <label htmlFor="report-title">Title</label>
          <input id="report-title" required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="report-summary">What happened</label>
          <textarea id="report-summary" maxLength={5000} value={summary} onChange={(e) => setSummary(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="report-playbook">Playbook</label>
          <select id="report-playbook" value={playbook} onChange={(e) => setPlaybook(e.target.value as Playbook)}>
            {PLAYBOOKS.map((p) => (
              <option key={p} value={p}>
                {PLAYBOOK_LABEL[p]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="report-severity">Severity</label>
          <select id="report-severity" value={severity} onChange={(e) => setSeverity(e.target.value as IncidentSeverity)}>
            {(['low', 'medium', 'high', 'critical'] as const).map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <fieldset>
          <legend>Brands affected</legend>
          {brands.map((b) => (
            <label key={b.id} className="check">
              <input type="checkbox" checked={brandIds.includes(b.id)} onChange={(e) => setBrandIds(e.target.checked ? [...brandIds, b.id] : brandIds.filter((x) => x !== b.id))} /> {b.name}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="primary" disabled={action.busy}>
          Open the incident
        </button>
      </form>
    </details>
  );
}
