import { useState } from 'react';
import { api } from '../api.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { formatTime } from '../ui/format.js';
import { useAction } from '../ui/useAction.js';
import { useLoad } from '../ui/useLoad.js';

/** Legal holds of a brand: on the whole brand or one call, by case reference; admins place and release. */
export function HoldsPanel({ brandId, canManage }: { brandId: string; canManage: boolean }) {
  const [showReleased, setShowReleased] = useState(false);
  const { data, error, reload } = useLoad(() => api.legalHolds(brandId, showReleased), [brandId, showReleased]);
  const [caseRef, setCaseRef] = useState('');
  const [callId, setCallId] = useState('');
  const action = useAction();

  const place = () =>
    action.run(async () => {
      await api.placeLegalHold(brandId, { caseRef: caseRef.trim(), ...(callId.trim() && { callId: callId.trim() }) });
      setCaseRef('');
      setCallId('');
      reload();
    });
  const release = (id: string) =>
    action.run(async () => {
      await api.releaseLegalHold(brandId, id);
      reload();
    });

  return (
    <section aria-labelledby="retention-holds-title">
      <h2 id="retention-holds-title">Legal holds</h2>
      <p className="hint">A hold suspends every purge of what it covers. The reason is a case reference (no names).</p>
      <ErrorNotice error={error ?? action.error} />
      <label className="row">
        <input type="checkbox" checked={showReleased} onChange={(e) => setShowReleased(e.target.checked)} /> Show released holds
      </label>
      {data && data.items.length === 0 && <p>No legal holds.</p>}
      <ul className="cards">
        {(data?.items ?? []).map((h) => (
          <li key={h.id} className="card" data-testid="legal-hold">
            <strong>{h.caseRef}</strong> · {h.callId ? <>call <span className="mono">{h.callId}</span></> : 'whole brand'} · placed {formatTime(h.placedAt)}
            {h.releasedAt ? (
              <> · released {formatTime(h.releasedAt)}</>
            ) : (
              canManage && (
                <button type="button" disabled={action.busy} onClick={() => void release(h.id)}>
                  Release
                </button>
              )
            )}
          </li>
        ))}
      </ul>
      {canManage && (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            void place();
          }}
        >
          <div className="field">
            <label htmlFor="hold-case">Case reference</label>
            <input id="hold-case" value={caseRef} onChange={(e) => setCaseRef(e.target.value)} placeholder="2026-CV-0142" required maxLength={64} />
          </div>
          <div className="field">
            <label htmlFor="hold-call">Call id (empty: whole brand)</label>
            <input id="hold-call" value={callId} onChange={(e) => setCallId(e.target.value)} />
          </div>
          <button type="submit" className="primary" disabled={action.busy || caseRef.trim() === ''}>
            Place hold
          </button>
        </form>
      )}
    </section>
  );
}
