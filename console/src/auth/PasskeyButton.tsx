import { browserSupportsWebAuthn } from '@simplewebauthn/browser';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { useAction } from '../ui/useAction.js';

/** Runs one WebAuthn ceremony (sign-in or registration) behind a button. */
export function PasskeyButton({ label, ceremony }: { label: string; ceremony: () => Promise<void> }) {
  const { busy, error, run } = useAction();
  if (!browserSupportsWebAuthn()) {
    return <p className="hint">This browser does not support passkeys.</p>;
  }
  return (
    <div>
      <button type="button" className="primary" disabled={busy} onClick={() => void run(ceremony)}>
        {busy ? 'Waiting for your passkey…' : label}
      </button>
      <ErrorNotice error={error} />
    </div>
  );
}
