import { useEffect, useState } from 'react';
import { api } from '../api.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { useAction } from '../ui/useAction.js';
import { useLoad } from '../ui/useLoad.js';
import { CLASS_FIELD, CLASS_LABEL, type DataClass, type RetentionUpdate } from './types.js';

const DEFAULT_HINT: Record<DataClass, string> = {
  originals: 'empty: deleted as soon as the call is redacted',
  redacted_calls: 'empty: kept',
  qa_notes: 'empty: kept',
  payment_tokens: 'empty: kept',
  audit_events: 'at least 365 (PCI DSS 10.5.1); never purged',
};

/** Days per data class for one brand; admins edit, auditors read. */
export function PoliciesPanel({ brandId, canManage }: { brandId: string; canManage: boolean }) {
  const { data, error, reload } = useLoad(() => api.retentionPolicies(brandId), [brandId]);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState('');
  const save = useAction();

  useEffect(() => {
    if (!data) return;
    setDraft(Object.fromEntries(data.classes.map((c) => [c.dataClass, c.days === null ? '' : String(c.days)])));
  }, [data]);

  const submit = () =>
    save.run(async () => {
      setNotice('');
      const update: RetentionUpdate = {};
      for (const c of data?.classes ?? []) {
        const text = (draft[c.dataClass] ?? '').trim();
        const days = text === '' ? null : Number(text);
        if (days !== c.days) update[CLASS_FIELD[c.dataClass]] = days;
      }
      await api.setRetentionPolicies(brandId, update);
      setNotice('Saved.');
      reload();
    });

  return (
    <section aria-labelledby="retention-policies-title">
      <h2 id="retention-policies-title">Policies</h2>
      <ErrorNotice error={error ?? save.error} />
      <table>
        <thead>
          <tr>
            <th>Data</th>
            <th>Days kept</th>
            <th>Set by</th>
          </tr>
        </thead>
        <tbody>
          {(data?.classes ?? []).map((c) => (
            <tr key={c.dataClass} data-testid={`retention-${c.dataClass}`}>
              <td>{CLASS_LABEL[c.dataClass]}</td>
              <td>
                {canManage ? (
                  <input
                    aria-label={`Days for ${CLASS_LABEL[c.dataClass]}`}
                    inputMode="numeric"
                    value={draft[c.dataClass] ?? ''}
                    placeholder={DEFAULT_HINT[c.dataClass]}
                    onChange={(e) => setDraft({ ...draft, [c.dataClass]: e.target.value })}
                  />
                ) : (
                  (c.days ?? DEFAULT_HINT[c.dataClass])
                )}
              </td>
              <td>{c.source === 'policy' ? 'brand policy' : 'default'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {canManage && (
        <div className="row">
          <button type="button" className="primary" disabled={save.busy || !data} onClick={() => void submit()}>
            Save policies
          </button>
          {notice && <span role="status">{notice}</span>}
        </div>
      )}
    </section>
  );
}
