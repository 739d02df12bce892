import { useState } from 'react';
import { api } from '../api.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { useAction } from '../ui/useAction.js';
import type { RevokeResult, Vendor } from './types.js';

/**
 * Revocation, behind a confirmation that names what will happen and asks for the vendor's name:
 * it cannot be undone from here (keys are revoked for good, users stay suspended until reinstated).
 */
export function RevokePanel({ vendor, onChange }: { vendor: Vendor; onChange: () => void }) {
  const [asking, setAsking] = useState(false);
  const [typed, setTyped] = useState('');
  const [result, setResult] = useState<RevokeResult | null>(null);
  const action = useAction();
  if (vendor.status === 'revoked' && !result) return null;
  return (
    <section aria-labelledby="vendor-revoke-title" className="panel">
      <h2 id="vendor-revoke-title">Revoke</h2>
      <ErrorNotice error={action.error} />
      {result && (
        <p role="status" data-testid="vendor-revoked">
          Revoked: {result.apiKeysRevoked} API key(s) revoked, {result.usersSuspended} user(s) suspended, {result.sessionsEnded} session(s) ended.
        </p>
      )}
      {!result && !asking && (
        <button type="button" className="danger" onClick={() => setAsking(true)}>
          Revoke vendor…
        </button>
      )}
      {!result && asking && (
        <form
          role="alertdialog"
          aria-labelledby="vendor-revoke-title"
          onSubmit={(e) => {
            e.preventDefault();
            void action.run(async () => {
              setResult(await api.revokeVendor(vendor.id));
              onChange();
            });
          }}
        >
          <p>
            This revokes {vendor.apiKeys.filter((k) => !k.revokedAt).length} API key(s) at once, suspends {vendor.users.filter((u) => !u.suspended).length} user(s) and ends their sessions, and marks the vendor revoked. It cannot be undone here.
          </p>
          <div className="field">
            <label htmlFor="vendor-revoke-name">Type the vendor's name to confirm</label>
            <input id="vendor-revoke-name" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
          </div>
          <button type="submit" className="danger" disabled={action.busy || typed.trim().toLowerCase() !== vendor.name.toLowerCase()}>
            Revoke all access
          </button>{' '}
          <button type="button" onClick={() => setAsking(false)}>
            Cancel
          </button>
        </form>
      )}
    </section>
  );
}
