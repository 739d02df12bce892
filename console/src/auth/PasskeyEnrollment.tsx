import { startRegistration, type PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/browser';
import { useState } from 'react';
import { api } from '../api.js';
import type { AuthResult } from '../types.js';
import { TextField } from '../ui/TextField.js';
import { PasskeyButton } from './PasskeyButton.js';
import { RecoveryCodes } from './RecoveryCodes.js';

/**
 * Registers a passkey (WebAuthn) for the signed-in or enrollment-pending account. When it is the
 * account's first factor the server also answers recovery codes, shown here once.
 */
export function PasskeyEnrollment({ onDone }: { onDone: (result: AuthResult) => void }) {
  const [label, setLabel] = useState('');
  const [codes, setCodes] = useState<{ codes: string[]; result: AuthResult } | null>(null);

  if (codes) return <RecoveryCodes codes={codes.codes} onDone={() => onDone(codes.result)} />;

  return (
    <div>
      <TextField label="Passkey name (optional)" hint="For example: work laptop" value={label} onChange={setLabel} maxLength={100} />
      <PasskeyButton
        label="Register a passkey"
        ceremony={async () => {
          const optionsJSON = (await api.passkeyOptions()) as PublicKeyCredentialCreationOptionsJSON;
          const response = await startRegistration({ optionsJSON });
          const { recoveryCodes, id: _id, ...result } = await api.passkeyVerify(response, label.trim() || undefined);
          if (recoveryCodes && recoveryCodes.length > 0) setCodes({ codes: recoveryCodes, result });
          else onDone(result);
        }}
      />
    </div>
  );
}
