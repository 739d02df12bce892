import { useState } from 'react';
import { PasskeyEnrollment } from '../auth/PasskeyEnrollment.js';
import { TotpEnrollment } from '../auth/TotpEnrollment.js';
import type { Me } from '../types.js';

/** The signed-in person's own account: roles, second factors, sign out everywhere. */
export function AccountPage({
  me,
  onSignOut,
  onRefresh,
}: {
  me: Me;
  onSignOut: (everywhere?: boolean) => Promise<void>;
  onRefresh: () => void;
}) {
  const [adding, setAdding] = useState<'totp' | 'passkey' | null>(null);
  const done = () => {
    setAdding(null);
    onRefresh();
  };
  return (
    <section aria-labelledby="account-title">
      <h1 id="account-title">My account</h1>
      <dl className="facts">
        <dt>Name</dt>
        <dd>{me.user.displayName}</dd>
        <dt>Email</dt>
        <dd>{me.user.email}</dd>
        <dt>Roles</dt>
        <dd>
          {me.user.isSecurityAdmin && <span className="tag">security admin (all brands)</span>}
          {me.user.assignments.map((a) => (
            <span className="tag" key={`${a.brandId}:${a.role}`}>
              {a.role} · {a.brandName}
            </span>
          ))}
        </dd>
        <dt>Authenticator app</dt>
        <dd>{me.mfa.totp ? 'set up' : 'not set up'}</dd>
        <dt>Passkeys</dt>
        <dd data-testid="passkey-count">{me.mfa.passkeys}</dd>
      </dl>
      <div className="row">
        <button type="button" onClick={() => setAdding('totp')}>
          {me.mfa.totp ? 'Replace authenticator app' : 'Set up authenticator app'}
        </button>
        <button type="button" onClick={() => setAdding('passkey')}>
          Add a passkey
        </button>
        <button type="button" className="danger" onClick={() => void onSignOut(true)}>
          Sign out everywhere
        </button>
      </div>
      {adding === 'totp' && <TotpEnrollment onDone={done} />}
      {adding === 'passkey' && <PasskeyEnrollment onDone={done} />}
    </section>
  );
}
