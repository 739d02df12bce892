import { api } from '../api.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { formatTime } from '../ui/format.js';
import { useLoad } from '../ui/useLoad.js';
import { CERTIFICATION_LABEL } from './types.js';

/** What needs attention first: vendors past their review date, certifications expired or expiring within 30 days. */
export function DashboardPanel() {
  const { data, error } = useLoad(() => api.vendorDashboard(), []);
  const nothing = data && data.overdue.length === 0 && data.certifications.length === 0;
  return (
    <section aria-labelledby="vendor-dashboard-title" className="panel" data-testid="vendor-dashboard">
      <h2 id="vendor-dashboard-title">Needs attention</h2>
      <ErrorNotice error={error} />
      {nothing && <p>No vendor is overdue for review and no certification expires in the next 30 days.</p>}
      <ul className="cards">
        {(data?.overdue ?? []).map((o) => (
          <li key={`o-${o.vendorId}`} className="card severity-high" data-testid="vendor-overdue">
            <a href={`#/vendors/${o.vendorId}`}>{o.name}</a> · <span className="overdue">review overdue by {o.daysOverdue} days</span> (due {formatTime(o.nextReviewAt)}) · risk {o.riskScore ?? 'not assessed'}
          </li>
        ))}
        {(data?.certifications ?? []).map((c) => (
          <li key={`c-${c.certificationId}`} className={`card ${c.state === 'expired' ? 'severity-critical' : 'severity-medium'}`} data-testid="vendor-certification-alert">
            <a href={`#/vendors/${c.vendorId}`}>{c.vendorName}</a> · {CERTIFICATION_LABEL[c.kind]}
            {c.label && ` (${c.label})`} ·{' '}
            {c.state === 'expired' ? <span className="overdue">expired {c.expiresOn}</span> : <>expires {c.expiresOn} (in {c.daysLeft} days)</>}
          </li>
        ))}
      </ul>
    </section>
  );
}
