import { useState } from 'react';
import { api } from '../api.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { formatTime } from '../ui/format.js';
import { useAction } from '../ui/useAction.js';

/**
 * Break-glass for supervisors: the original of this call for 30 minutes, with a written reason.
 * The request is recorded in the audit trail and raised as a security event.
 */
export function BreakGlassPanel({ callId }: { callId: string }) {
  const [reason, setReason] = useState('');
  const [original, setOriginal] = useState<{ content: string; until: string } | null>(null);
  const [notice, setNotice] = useState('');
  const act = useAction();
  return (
    <section aria-labelledby="breakglass-title" className="breakglass">
      <h2 id="breakglass-title">Original (break-glass)</h2>
      <ErrorNotice error={act.error} />
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {original ? (
        <>
          <p className="notice">Shown until {formatTime(original.until)}. This access is audited.</p>
          <pre className="original" data-testid="original-transcript">
            {original.content}
          </pre>
        </>
      ) : (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void act.run(async () => {
              const grant = await api.breakGlass(callId, reason);
              if (!grant.originalAvailable) {
                setNotice('No original of this call was kept (the brand policy keeps redacted calls only).');
                return;
              }
              const o = await api.originalTranscript(callId);
              setOriginal({ content: o.content, until: o.grantExpiresAt });
            });
          }}
        >
          <div className="field">
            <label htmlFor="bg-reason">Why do you need the original?</label>
            <textarea id="bg-reason" rows={2} minLength={10} maxLength={2000} required value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
          <button type="submit" className="danger" disabled={act.busy}>
            Request 30-minute access
          </button>
        </form>
      )}
    </section>
  );
}
