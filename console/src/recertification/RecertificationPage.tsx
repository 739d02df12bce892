import { useBrands } from '../admin/useBrands.js';
import { api } from '../api.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { formatTime } from '../ui/format.js';
import { useLoad } from '../ui/useLoad.js';
import { brandName } from './labels.js';
import { OpenCampaignForm } from './OpenCampaignForm.js';

/**
 * Access review (PCI DSS 7.2.4): when each brand is next due, the campaigns, and — for security
 * admins — opening one. Supervisors open a campaign to answer their brand's items.
 */
export function RecertificationPage({ canManage }: { canManage: boolean }) {
  const { brands } = useBrands();
  const campaigns = useLoad(() => api.recertCampaigns(), []);
  const status = useLoad(() => api.recertStatus(), [campaigns.data]);
  return (
    <section aria-labelledby="recert-title">
      <h1 id="recert-title">Access review</h1>
      <p className="hint">Every six months each brand's supervisors confirm or remove every person's and API key's access to the brand.</p>
      <ErrorNotice error={campaigns.error ?? status.error} />
      {canManage && <OpenCampaignForm brands={brands} onOpened={campaigns.reload} />}
      <h2>When each brand is due</h2>
      <table aria-busy={status.loading}>
        <thead>
          <tr>
            <th scope="col">Brand</th>
            <th scope="col">Last completed</th>
            <th scope="col">Next due</th>
            <th scope="col">Open campaign</th>
          </tr>
        </thead>
        <tbody>
          {(status.data?.items ?? []).map((s) => (
            <tr key={s.brandId} data-testid="recert-status-row">
              <th scope="row">{brandName(brands, s.brandId)}</th>
              <td>{formatTime(s.lastCompletedAt)}</td>
              <td className={s.overdue ? 'overdue' : undefined}>{s.nextDueAt ? formatTime(s.nextDueAt) : 'now (never reviewed)'}{s.overdue && s.nextDueAt ? ' — overdue' : ''}</td>
              <td>{s.openCampaignId ? <a href={`#/recertification/${s.openCampaignId}`}>Open</a> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Campaigns</h2>
      <table aria-busy={campaigns.loading}>
        <thead>
          <tr>
            <th scope="col">Opened</th>
            <th scope="col">Brands</th>
            <th scope="col">Status</th>
            <th scope="col">Deadline</th>
            <th scope="col">Unanswered</th>
            <th scope="col">Confirmed</th>
            <th scope="col">Removed</th>
          </tr>
        </thead>
        <tbody>
          {(campaigns.data?.items ?? []).map((c) => (
            <tr key={c.id} data-testid="recert-campaign-row">
              <th scope="row">
                <a href={`#/recertification/${c.id}`}>{formatTime(c.openedAt)}</a>
              </th>
              <td>{c.brandIds.map((b) => brandName(brands, b)).join(', ')}</td>
              <td>{c.status === 'open' ? 'Open' : 'Completed'}</td>
              <td>{formatTime(c.deadline)}</td>
              <td>{c.counts.open}</td>
              <td>{c.counts.confirmed}</td>
              <td>{c.counts.removed + c.counts.removedAtDeadline}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {campaigns.data && campaigns.data.items.length === 0 && <p>No campaigns yet.</p>}
    </section>
  );
}
