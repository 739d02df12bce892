import { browserSupportsWebAuthn } from '@simplewebauthn/browser';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { useAction } from '../ui/useAction.js';

/** Runs one WebAuthn ceremony (sign-in or registration) behind a button. */
export function PasskeyButton({ label, ceremony }: { label: string; ceremony: () => Promise<void> }) {
  const { busy, error, run } = useAction();
  if (!browserSupportsWebAuthn()) {
    return <p className="hint">This browser does not support passkeys.</p>;
  }
  if (isIpAddress(window.location.hostname)) {
    // WebAuthn binds a passkey to a host name (its relying-party id); an IP address cannot be one.
    const there = `${window.location.protocol}//localhost${window.location.port ? `:${window.location.port}` : ''}/`;
    return (
      <p className="hint">
        Passkeys need a host name. Open the console at <a href={there}>{there}</a> (and set CALLVAULT_PUBLIC_URL to it).
      </p>
    );
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

function isIpAddress(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith('[');
}
