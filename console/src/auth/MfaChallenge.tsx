import { startAuthentication, type PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import { useState } from 'react';
import { api } from '../api.js';
import type { AuthResult, MfaMethod } from '../types.js';
import { AuthCard } from './AuthCard.js';
import { CodeForm } from './CodeForm.js';
import { PasskeyButton } from './PasskeyButton.js';

const METHOD_LABELS: Record<MfaMethod, string> = {
  totp: 'Authenticator app',
  webauthn: 'Passkey',
  recovery: 'Recovery code',
};

/** Step two of sign-in: the second factor, by whichever method the account has. */
export function MfaChallenge({
  methods,
  onResult,
  onCancel,
}: {
  methods: MfaMethod[];
  onResult: (r: AuthResult) => void;
  onCancel: () => void;
}) {
  const offered = methods.length > 0 ? methods : (['totp', 'recovery'] as MfaMethod[]);
  const [method, setMethod] = useState<MfaMethod>(offered[0] ?? 'totp');

  return (
    <AuthCard title="Second factor">
      {offered.length > 1 && (
        <fieldset className="segmented">
          <legend>Verify with</legend>
          {offered.map((m) => (
            <label key={m}>
              <input type="radio" name="mfa-method" value={m} checked={method === m} onChange={() => setMethod(m)} />
              {METHOD_LABELS[m]}
            </label>
          ))}
        </fieldset>
      )}
      {method === 'totp' && (
        <CodeForm
          key="totp"
          label="6-digit code from your authenticator app"
          submitLabel="Verify"
          onSubmit={async (code) => onResult(await api.verifyTotp(code))}
        />
      )}
      {method === 'recovery' && (
        <CodeForm
          key="recovery"
          label="Recovery code"
          numeric={false}
          submitLabel="Use recovery code"
          onSubmit={async (code) => onResult(await api.verifyRecovery(code))}
        />
      )}
      {method === 'webauthn' && (
        <PasskeyButton
          label="Use a passkey"
          ceremony={async () => {
            const optionsJSON = (await api.webauthnLoginOptions()) as PublicKeyCredentialRequestOptionsJSON;
            const response = await startAuthentication({ optionsJSON });
            onResult(await api.webauthnLoginVerify(response));
          }}
        />
      )}
      <p>
        <button type="button" className="link" onClick={onCancel}>
          Sign in as someone else
        </button>
      </p>
    </AuthCard>
  );
}
