import { startRegistration, type PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/browser';
import { useState } from 'react';
import { api } from '../api.js';
import { TextField } from '../ui/TextField.js';
import { PasskeyButton } from './PasskeyButton.js';

/** Registers a passkey (WebAuthn) for the signed-in or enrollment-pending account. */
export function PasskeyEnrollment({ onDone }: { onDone: () => void }) {
  const [label, setLabel] = useState('');
  return (
    <div>
      <TextField label="Passkey name (optional)" hint="For example: work laptop" value={label} onChange={setLabel} maxLength={60} />
      <PasskeyButton
        label="Register a passkey"
        ceremony={async () => {
          const optionsJSON = (await api.passkeyOptions()) as PublicKeyCredentialCreationOptionsJSON;
          const response = await startRegistration({ optionsJSON });
          await api.passkeyVerify(response, label.trim() || undefined);
          onDone();
        }}
      />
    </div>
  );
}
