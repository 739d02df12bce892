import { useState } from 'react';
import { api } from '../api.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { formatTime } from '../ui/format.js';
import { useAction } from '../ui/useAction.js';
import type { Vendor } from './types.js';

/** The vendor's means of access: linked API keys and console users (of brands it touches); admins link and unlink by id. */
export function AccessPanel({ vendor, canManage, onChange }: { vendor: Vendor; canManage: boolean; onChange: () => void }) {
  const [keyId, setKeyId] = useState('');
  const [userId, setUserId] = useState('');
  const action = useAction();
  const editable = canManage && vendor.status === 'active';
  const run = (fn: () => Promise<unknown>) =>
    action.run(async () => {
      await fn();
      onChange();
    });
  return (
    <section aria-labelledby="vendor-access-title">
      <h2 id="vendor-access-title">Access</h2>
      <ErrorNotice error={action.error} />
      <h3>API keys</h3>
      {vendor.apiKeys.length === 0 && <p>No API key linked.</p>}
      <ul className="cards">
        {vendor.apiKeys.map((k) => (
          <li key={k.id} className="card" data-testid="vendor-key">
            <strong>{k.name}</strong> · <span className="mono">cvk_{k.prefix}</span> · {k.revokedAt ? <span className="overdue">revoked {formatTime(k.revokedAt)}</span> : <>expires {formatTime(k.expiresAt)}</>}
            {canManage && (
              <button type="button" disabled={action.busy} onClick={() => void run(() => api.unlinkVendorApiKey(vendor.id, k.id))}>
                Unlink
              </button>
            )}
          </li>
        ))}
      </ul>
      {editable && (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            void run(async () => {
              await api.linkVendorApiKey(vendor.id, keyId.trim());
              setKeyId('');
            });
          }}
        >
          <div className="field">
            <label htmlFor="vendor-link-key">API key id</label>
            <input id="vendor-link-key" value={keyId} onChange={(e) => setKeyId(e.target.value)} required />
          </div>
          <button type="submit" disabled={action.busy}>
            Link key
          </button>
        </form>
      )}
      <h3>Console users</h3>
      {vendor.users.length === 0 && <p>No user linked.</p>}
      <ul className="cards">
        {vendor.users.map((u) => (
          <li key={u.id} className="card" data-testid="vendor-user">
            <span className="mono">{u.id}</span> · {u.brandIds.length} brand(s) · {u.suspended ? <span className="overdue">suspended</span> : 'active'}
            {canManage && (
              <button type="button" disabled={action.busy} onClick={() => void run(() => api.unlinkVendorUser(vendor.id, u.id))}>
                Unlink
              </button>
            )}
          </li>
        ))}
      </ul>
      {editable && (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            void run(async () => {
              await api.linkVendorUser(vendor.id, userId.trim());
              setUserId('');
            });
          }}
        >
          <div className="field">
            <label htmlFor="vendor-link-user">User id</label>
            <input id="vendor-link-user" value={userId} onChange={(e) => setUserId(e.target.value)} required />
          </div>
          <button type="submit" disabled={action.busy}>
            Link user
          </button>
        </form>
      )}
    </section>
  );
}
