import { useState } from 'react';
import { api } from '../api.js';
import type { Alert, AlertStatus } from '../types.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { formatTime } from '../ui/format.js';
import { Pager } from '../ui/Pager.js';
import { useAction } from '../ui/useAction.js';
import { useLoad } from '../ui/useLoad.js';
import { actorLabel } from './format.js';

/**
 * Unusual-access alerts, newest first: who, why (the detector's reasons), the audit events that
 * show it. A security admin opens an incident from an alert in one click, or acknowledges or
 * dismisses it; auditors read.
 */
export function AlertsPage({ canManage }: { canManage: boolean }) {
  const [status, setStatus] = useState<'' | AlertStatus>('new');
  const [cursors, setCursors] = useState<string[]>([]);
  const before = cursors[cursors.length - 1];
  const { data, error, loading, reload } = useLoad(() => api.alerts({ status: status || undefined, before, limit: 25 }), [status, before]);
  const action = useAction();

  const act = (fn: () => Promise<unknown>) => action.run(async () => {
    await fn();
    reload();
  });

  return (
    <section aria-labelledby="alerts-title">
      <h1 id="alerts-title">Alerts</h1>
      <p className="hint">Raised by the detector from the audit trail: reasons and event ids, never customer data.</p>
      <ErrorNotice error={error ?? action.error} />
      <div className="filters">
        <div className="field">
          <label htmlFor="alerts-status">Status</label>
          <select
            id="alerts-status"
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as '' | AlertStatus);
              setCursors([]);
            }}
          >
            <option value="">Any</option>
            <option value="new">New</option>
            <option value="acknowledged">Acknowledged</option>
            <option value="dismissed">Dismissed</option>
            <option value="incident">In an incident</option>
          </select>
        </div>
      </div>
      {data && data.items.length === 0 && <p>No alerts.</p>}
      <ul className="cards" aria-busy={loading}>
        {(data?.items ?? []).map((a) => (
          <AlertCard key={a.id} alert={a} canManage={canManage} busy={action.busy} onAct={act} />
        ))}
      </ul>
      <Pager label="Alert pages" cursors={cursors} next={data?.nextBefore} onChange={setCursors} />
    </section>
  );
}

function AlertCard({ alert: a, canManage, busy, onAct }: { alert: Alert; canManage: boolean; busy: boolean; onAct: (fn: () => Promise<unknown>) => Promise<void> }) {
  return (
    <li className={`card severity-${a.severity}`} data-testid="alert-card">
      <header>
        <strong className={`badge badge-${a.severity}`}>{a.severity}</strong> score {a.score} · {actorLabel(a.actor)} ({a.role}) · raised {formatTime(a.raisedAt)} ·{' '}
        <span data-testid="alert-status">{a.status}</span>
      </header>
      <ul className="reasons">
        {a.reasons.map((r, i) => (
          <li key={i}>{r}</li>
        ))}
      </ul>
      <details>
        <summary>Evidence: {a.evidence.length} audit event(s), {formatTime(a.firstEventAt)} – {formatTime(a.lastEventAt)}</summary>
        <p className="mono">{a.evidence.join(' ')}</p>
      </details>
      <div className="row">
        {a.incidentId ? (
          <a href={`#/incidents/${a.incidentId}`}>Go to the incident</a>
        ) : (
          canManage && (
            <>
              <button
                type="button"
                className="primary"
                disabled={busy}
                onClick={() =>
                  void onAct(async () => {
                    const incident = await api.openIncidentFromAlert(a.id);
                    window.location.hash = `#/incidents/${incident.id}`;
                  })
                }
              >
                Open incident
              </button>
              {a.status !== 'acknowledged' && (
                <button type="button" disabled={busy} onClick={() => void onAct(() => api.setAlertStatus(a.id, 'acknowledged'))}>
                  Acknowledge
                </button>
              )}
              {a.status !== 'dismissed' ? (
                <button type="button" disabled={busy} onClick={() => void onAct(() => api.setAlertStatus(a.id, 'dismissed'))}>
                  Dismiss
                </button>
              ) : (
                <button type="button" disabled={busy} onClick={() => void onAct(() => api.setAlertStatus(a.id, 'new'))}>
                  Reopen
                </button>
              )}
            </>
          )
        )}
      </div>
    </li>
  );
}
