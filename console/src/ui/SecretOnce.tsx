import { useId, useState, type ReactNode } from 'react';

/**
 * A secret the server will never show again (one-time password, API key secret, recovery codes).
 * It lives only in component state and is gone once the person confirms they saved it.
 */
export function SecretOnce({
  title,
  copyText,
  children,
  onDone,
  doneLabel = 'I have saved it',
}: {
  title: string;
  copyText: string;
  children: ReactNode;
  onDone: () => void;
  doneLabel?: string;
}) {
  const [copied, setCopied] = useState(false);
  const titleId = useId();
  return (
    <section className="secret" aria-labelledby={titleId} data-testid="secret-once">
      <h3 id={titleId}>{title}</h3>
      <p className="hint">This is shown once. Copy it now: it cannot be displayed again.</p>
      <div className="secret-value">{children}</div>
      <div className="row">
        <button
          type="button"
          onClick={() => {
            navigator.clipboard?.writeText(copyText).then(() => setCopied(true), () => setCopied(false));
          }}
        >
          {copied ? 'Copied' : 'Copy'}
        </button>
        <button type="button" className="primary" onClick={onDone}>
          {doneLabel}
        </button>
      </div>
    </section>
  );
}
