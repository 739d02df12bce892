import { useEffect, useState } from 'react';
import { api } from '../api.js';
import { INCIDENT_STATUSES, type Incident, type IncidentClock, type IncidentStatus } from '../types.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { formatTime } from '../ui/format.js';
import { useAction } from '../ui/useAction.js';
import { useLoad } from '../ui/useLoad.js';
import { actorLabel, formatRemaining, STATUS_LABEL } from './format.js';

/** Ticks every second, so deadlines count down on screen. */
function useNow(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  return now;
}

/** One incident: summary, regulatory clocks, playbook tasks, containment, blast radius, timeline, notes. */
export function IncidentPage({ incidentId, canManage, meId }: { incidentId: string; canManage: boolean; meId: string }) {
  const { data: incident, error, reload } = useLoad(() => api.incident(incidentId), [incidentId]);
  const timeline = useLoad(() => api.incidentTimeline(incidentId), [incidentId, incident?.updatedAt, incident?.tasks]);
  const action = useAction();
  const act = (fn: () => Promise<unknown>) =>
    action.run(async () => {
      await fn();
      reload();
      timeline.reload();
    });

  if (error) return <ErrorNotice error={error} />;
  if (!incident) return <p aria-busy="true">Loading…</p>;
  const open = incident.status !== 'closed';
  const nextStatuses = INCIDENT_STATUSES.filter((s) => INCIDENT_STATUSES.indexOf(s) > INCIDENT_STATUSES.indexOf(incident.status));

  return (
    <section aria-labelledby="incident-title">
      <p>
        <a href="#/incidents">← Incidents</a>
      </p>
      <h1 id="incident-title">
        Incident #{incident.number}: {incident.title}
      </h1>
      <ErrorNotice error={action.error} />
      <dl className="facts">
        <dt>Playbook</dt>
        <dd>{incident.playbookTitle}</dd>
        <dt>Severity</dt>
        <dd>{incident.severity}</dd>
        <dt>Status</dt>
        <dd data-testid="incident-status">{STATUS_LABEL[incident.status]}</dd>
        <dt>Owner</dt>
        <dd data-testid="incident-owner">
          {incident.ownerId === null ? 'nobody yet' : incident.ownerId === meId ? 'you' : `user ${incident.ownerId}`}{' '}
          {canManage && open && incident.ownerId !== meId && (
            <button type="button" disabled={action.busy} onClick={() => void act(() => api.updateIncident(incident.id, { ownerId: meId }))}>
              Take ownership
            </button>
          )}
        </dd>
        <dt>Suspect</dt>
        <dd data-testid="incident-suspect">{actorLabel(incident.suspect)}</dd>
        <dt>Window</dt>
        <dd>
          {formatTime(incident.windowFrom)} – {incident.windowTo ? formatTime(incident.windowTo) : 'now'}
        </dd>
        <dt>Aware since</dt>
        <dd>{formatTime(incident.awareAt)}</dd>
        <dt>Opened</dt>
        <dd>
          {formatTime(incident.createdAt)} ({incident.source})
        </dd>
      </dl>
      {incident.summary && <p>{incident.summary}</p>}
      <p className="row">
        <a href={api.incidentFileUrl(incident.id, 'report.html')} target="_blank" rel="noreferrer">
          Printable report
        </a>
        <a href={api.incidentFileUrl(incident.id, 'report.md')}>Report (Markdown)</a>
      </p>
      {canManage && open && (
        <div className="row">
          <label htmlFor="incident-move">Move to</label>
          <select id="incident-move" defaultValue="" onChange={(e) => e.target.value && void act(() => api.updateIncident(incident.id, { status: e.target.value as IncidentStatus }))}>
            <option value="">—</option>
            {nextStatuses.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]}
              </option>
            ))}
          </select>
        </div>
      )}
      <Clocks incident={incident} canManage={canManage && open} busy={action.busy} onMet={(kind) => void act(() => api.incidentClockMet(incident.id, kind))} />
      <h2>Tasks</h2>
      <ul className="tasks" data-testid="incident-tasks">
        {incident.tasks.map((t) => (
          <li key={t.position}>
            <label className="check">
              <input type="checkbox" checked={t.doneAt !== null} disabled={!canManage || !open || action.busy} onChange={(e) => void act(() => api.incidentTask(incident.id, t.position, e.target.checked))} /> {t.title}
            </label>
            {t.doneAt && <span className="hint"> done {formatTime(t.doneAt)}</span>}
          </li>
        ))}
      </ul>
      {canManage && open && incident.suspect && <Containment incident={incident} busy={action.busy} onAct={act} />}
      {incident.suspect && <Blast incidentId={incident.id} />}
      <h2>Timeline</h2>
      {canManage && <NoteForm incidentId={incident.id} onAdded={() => timeline.reload()} />}
      <ErrorNotice error={timeline.error} />
      <ol className="timeline" data-testid="incident-timeline">
        {(timeline.data?.items ?? []).map((e, i) => (
          <li key={i} className={`entry entry-${e.kind}`}>
            <time dateTime={e.at}>{formatTime(e.at)}</time> <strong>{e.kind}</strong> {e.text} {e.ref && <code className="hint">{e.ref}</code>}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Clocks({ incident, canManage, busy, onMet }: { incident: Incident; canManage: boolean; busy: boolean; onMet: (kind: string) => void }) {
  const now = useNow();
  const state = (c: IncidentClock) => {
    if (c.metAt) return c.metAt <= c.dueAt ? `met ${formatTime(c.metAt)}` : `met late ${formatTime(c.metAt)}`;
    return formatRemaining(new Date(c.dueAt).getTime() - now);
  };
  return (
    <>
      <h2>Deadlines</h2>
      <table data-testid="incident-clocks">
        <thead>
          <tr>
            <th scope="col">Deadline</th>
            <th scope="col">Due</th>
            <th scope="col">Time left</th>
            {canManage && <th scope="col">Done</th>}
          </tr>
        </thead>
        <tbody>
          {incident.clocks.map((c) => (
            <tr key={c.kind} className={!c.metAt && new Date(c.dueAt).getTime() < now ? 'overdue' : undefined}>
              <th scope="row">{c.label}</th>
              <td>{formatTime(c.dueAt)}</td>
              <td data-testid={`clock-${c.kind}`}>{state(c)}</td>
              {canManage && (
                <td>
                  {!c.metAt && (
                    <button type="button" disabled={busy} onClick={() => onMet(c.kind)}>
                      Mark done
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function Containment({ incident, busy, onAct }: { incident: Incident; busy: boolean; onAct: (fn: () => Promise<unknown>) => Promise<void> }) {
  const s = incident.suspect!;
  const confirmThen = (question: string, fn: () => Promise<unknown>) => {
    if (window.confirm(question)) void onAct(fn);
  };
  return (
    <>
      <h2>Containment</h2>
      <div className="row">
        {s.kind === 'user' ? (
          <>
            <button type="button" className="danger" disabled={busy} onClick={() => confirmThen(`Suspend user ${s.id}? They are signed out and cannot sign in until reinstated.`, () => api.incidentContain(incident.id, 'suspend_user'))}>
              Suspend user
            </button>
            <button type="button" disabled={busy} onClick={() => confirmThen(`End every session of user ${s.id}?`, () => api.incidentContain(incident.id, 'end_sessions'))}>
              End sessions
            </button>
          </>
        ) : (
          <button type="button" className="danger" disabled={busy} onClick={() => confirmThen(`Revoke API key ${s.id}?`, () => api.incidentContain(incident.id, 'revoke_api_key'))}>
            Revoke API key
          </button>
        )}
      </div>
    </>
  );
}

function Blast({ incidentId }: { incidentId: string }) {
  const { data, error } = useLoad(() => api.blastRadius(incidentId), [incidentId]);
  return (
    <>
      <h2>Blast radius</h2>
      <ErrorNotice error={error} />
      {data && (
        <>
          <p data-testid="blast-summary">
            {data.totalRecords} record(s) touched by {actorLabel(data.actor)} between {formatTime(data.from)} and {formatTime(data.to)}; {data.deniedAttempts} attempt(s) refused.{' '}
            <a href={api.incidentFileUrl(incidentId, 'blast-radius.csv')}>Export CSV for notification</a>
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col">Brand</th>
                <th scope="col">Calls</th>
                <th scope="col">Payments</th>
                <th scope="col">Customers</th>
              </tr>
            </thead>
            <tbody>
              {data.brands.map((b) => (
                <tr key={b.brandId}>
                  <th scope="row">{b.brandId}</th>
                  <td>{b.calls}</td>
                  <td>{b.payments}</td>
                  <td>{b.customers}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}

function NoteForm({ incidentId, onAdded }: { incidentId: string; onAdded: () => void }) {
  const [text, setText] = useState('');
  const action = useAction();
  return (
    <form
      className="row"
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(async () => {
          await api.incidentNote(incidentId, text.trim());
          setText('');
          onAdded();
        });
      }}
    >
      <ErrorNotice error={action.error} />
      <label htmlFor="incident-note" className="sr-only">
        Note
      </label>
      <input id="incident-note" placeholder="Add a note to the timeline" maxLength={5000} required value={text} onChange={(e) => setText(e.target.value)} />
      <button type="submit" disabled={action.busy}>
        Add note
      </button>
    </form>
  );
}
