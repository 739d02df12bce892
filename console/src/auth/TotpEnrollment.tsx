import { useState } from 'react';
import { api } from '../api.js';
import type { AuthResult } from '../types.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { useAction } from '../ui/useAction.js';
import { CodeForm } from './CodeForm.js';
import { groupSecret, secretFromOtpauthUrl } from './otpauth.js';
import { RecoveryCodes } from './RecoveryCodes.js';

type Step = { kind: 'start' } | { kind: 'scan'; otpauthUrl: string; qrSvg: string } | { kind: 'codes'; codes: string[]; result: AuthResult };

/**
 * TOTP enrollment (RFC 6238): scan the QR code or type the secret, prove it with one code, then
 * see the recovery codes once. The QR SVG is shown through an <img> data URL, so markup from the
 * server can never run script in the page.
 */
export function TotpEnrollment({ onDone }: { onDone: (result: AuthResult) => void }) {
  const [step, setStep] = useState<Step>({ kind: 'start' });
  const { busy, error, run } = useAction();

  if (step.kind === 'codes') return <RecoveryCodes codes={step.codes} onDone={() => onDone(step.result)} />;

  if (step.kind === 'start') {
    return (
      <div>
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => void run(async () => setStep({ kind: 'scan', ...(await api.enrollTotp()) }))}
        >
          Set up an authenticator app
        </button>
        <ErrorNotice error={error} />
      </div>
    );
  }

  const secret = secretFromOtpauthUrl(step.otpauthUrl) ?? '';
  return (
    <div className="enroll-totp">
      <ol className="steps">
        <li>
          Scan this QR code with your authenticator app.
          <img
            className="qr"
            width={200}
            height={200}
            alt="QR code holding your authenticator secret"
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(step.qrSvg)}`}
          />
        </li>
        <li>
          Or type this secret into the app:{' '}
          <code className="manual-secret" data-testid="totp-secret" data-otpauth={step.otpauthUrl}>
            {groupSecret(secret)}
          </code>
        </li>
        <li>Enter the code the app shows to confirm.</li>
      </ol>
      <CodeForm
        label="6-digit code"
        submitLabel="Confirm"
        onSubmit={async (code) => {
          const { recoveryCodes, ...result } = await api.confirmTotp(code);
          setStep({ kind: 'codes', codes: recoveryCodes, result });
        }}
      />
    </div>
  );
}
