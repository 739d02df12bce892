import { useBrands } from '../admin/useBrands.js';
import { api } from '../api.js';
import type { Me } from '../types.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { formatTime } from '../ui/format.js';
import { useAction } from '../ui/useAction.js';
import { useLoad } from '../ui/useLoad.js';
import { ItemRow } from './ItemRow.js';
import { brandName } from './labels.js';

/** One campaign: its counts, the items of the brands the person reviews (Confirm / Remove), close and evidence. */
export function CampaignPage({ campaignId, me }: { campaignId: string; me: Me }) {
  const { brands } = useBrands();
  const campaign = useLoad(() => api.recertCampaign(campaignId), [campaignId]);
  const items = useLoad(() => api.recertItems(campaignId), [campaignId, campaign.data]);
  const action = useAction();
  const c = campaign.data;
  if (campaign.error) return <ErrorNotice error={campaign.error} />;
  if (!c) return <p aria-busy="true">Loading…</p>;
  const open = c.status === 'open';
  const responds = (brandId: string) => me.user.isSecurityAdmin || me.user.assignments.some((a) => a.brandId === brandId && a.role === 'supervisor');
  return (
    <section aria-labelledby="campaign-title">
      <p>
        <a href="#/recertification">← Access review</a>
      </p>
      <h1 id="campaign-title">Access review of {c.brandIds.map((b) => brandName(brands, b)).join(', ')}</h1>
      <ErrorNotice error={action.error ?? items.error} />
      <dl className="facts">
        <dt>Status</dt>
        <dd data-testid="campaign-status">{open ? 'Open' : `Completed ${formatTime(c.closedAt)}`}</dd>
        <dt>Deadline</dt>
        <dd>
          {formatTime(c.deadline)} (unanswered items will be {c.atDeadline === 'remove' ? 'removed' : 'kept and marked unanswered'})
        </dd>
        <dt>Items</dt>
        <dd data-testid="campaign-counts">
          {c.counts.items} — {c.counts.open} unanswered, {c.counts.confirmed} confirmed, {c.counts.removed} removed by reviewers, {c.counts.removedAtDeadline} removed at deadline, {c.counts.keptUnanswered} kept unanswered
        </dd>
      </dl>
      {me.user.isSecurityAdmin && open && (
        <button type="button" disabled={action.busy} onClick={() =>
            void action.run(async () => {
              await api.closeRecertCampaign(c.id);
              campaign.reload();
            })
          }>
          Close now
        </button>
      )}
      {!open && (
        <p>
          <a href={api.recertEvidenceUrl(c.id)} download={`recertification-${c.id}.json`}>
            Download the evidence (JSON)
          </a>
        </p>
      )}
      <table aria-busy={items.loading}>
        <thead>
          <tr>
            <th scope="col">Access</th>
            <th scope="col">Brand</th>
            <th scope="col">Role</th>
            <th scope="col">Answer</th>
          </tr>
        </thead>
        <tbody>
          {(items.data?.items ?? []).map((i) => (
            <ItemRow key={i.id} item={i} brand={brandName(brands, i.brandId)} canAnswer={open && responds(i.brandId) && !(i.kind === 'user_role' && i.subjectId === me.user.id)} own={i.kind === 'user_role' && i.subjectId === me.user.id} onAnswered={campaign.reload} />
          ))}
        </tbody>
      </table>
    </section>
  );
}
