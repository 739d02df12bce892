import { useState } from 'react';
import { api } from '../api.js';
import type { Brand } from '../types.js';
import { Checkbox } from '../ui/Checkbox.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { useAction } from '../ui/useAction.js';

/** A security admin opens a campaign: brands, days to the deadline, and what happens to unanswered items then. */
export function OpenCampaignForm({ brands, onOpened }: { brands: Brand[]; onOpened: () => void }) {
  const [brandIds, setBrandIds] = useState<string[]>([]);
  const [days, setDays] = useState(14);
  const [atDeadline, setAtDeadline] = useState<'remove' | 'keep'>('remove');
  const action = useAction();
  return (
    <details className="panel">
      <summary>Open a campaign</summary>
      <form
        className="stack-form"
        onSubmit={(e) => {
          e.preventDefault();
          void action.run(async () => {
            const c = await api.openRecertCampaign({ brandIds, deadlineDays: days, atDeadline });
            onOpened();
            window.location.hash = `#/recertification/${c.id}`;
          });
        }}
      >
        <ErrorNotice error={action.error} />
        <fieldset>
          <legend>Brands</legend>
          {brands.map((b) => (
            <Checkbox key={b.id} label={b.name} checked={brandIds.includes(b.id)} onChange={(on) => setBrandIds(on ? [...brandIds, b.id] : brandIds.filter((x) => x !== b.id))} />
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="recert-days">Days to answer</label>
          <input id="recert-days" type="number" min={1} max={90} required value={days} onChange={(e) => setDays(Number(e.target.value))} />
        </div>
        <div className="field">
          <label htmlFor="recert-rule">At the deadline, unanswered items are</label>
          <select id="recert-rule" value={atDeadline} onChange={(e) => setAtDeadline(e.target.value as 'remove' | 'keep')}>
            <option value="remove">removed (access taken away)</option>
            <option value="keep">kept and marked unanswered</option>
          </select>
        </div>
        <button type="submit" disabled={action.busy || brandIds.length === 0}>
          Open campaign
        </button>
      </form>
    </details>
  );
}
