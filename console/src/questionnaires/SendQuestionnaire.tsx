import { useState } from 'react';
import { api } from '../api.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { useAction } from '../ui/useAction.js';
import { useLoad } from '../ui/useLoad.js';
import type { NewLink } from './adminTypes.js';
import { LinkOnce } from './LinkOnce.js';

/**
 * Sends the security questionnaire to a vendor and shows its link once. Without `vendorId` the admin
 * picks an active vendor (a revoked one is refused by the server anyway).
 */
export function SendQuestionnaire({ vendorId, onSent }: { vendorId?: string; onSent: () => void }) {
  const vendors = useLoad(() => (vendorId ? Promise.resolve({ items: [] }) : api.vendors({ status: 'active' })), [vendorId]);
  const [chosen, setChosen] = useState('');
  const [days, setDays] = useState(14);
  const [link, setLink] = useState<NewLink | null>(null);
  const action = useAction();
  const target = vendorId ?? chosen;
  if (link) return <LinkOnce link={link} onDone={() => setLink(null)} />;
  return (
    <form
      className="row"
      aria-label="Send a questionnaire"
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(async () => {
          const sent = await api.sendQuestionnaire(target, days);
          setLink(sent.link);
          onSent();
        });
      }}
    >
      <ErrorNotice error={vendors.error ?? action.error} />
      {!vendorId && (
        <div className="field">
          <label htmlFor="questionnaire-vendor">Vendor</label>
          <select id="questionnaire-vendor" required value={chosen} onChange={(e) => setChosen(e.target.value)}>
            <option value="">Choose a vendor…</option>
            {(vendors.data?.items ?? []).map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={vendorId ? 'vendor-questionnaire-days' : 'questionnaire-days'}>Link valid for (days)</label>
        <input id={vendorId ? 'vendor-questionnaire-days' : 'questionnaire-days'} type="number" min={1} max={90} required value={days} onChange={(e) => setDays(Number(e.target.value))} />
      </div>
      <button type="submit" className="primary" disabled={action.busy || target === '' || !(days >= 1 && days <= 90)}>
        Send questionnaire
      </button>
    </form>
  );
}
