import { SecretOnce } from '../ui/SecretOnce.js';

/** Recovery codes, shown once right after TOTP enrollment (stored hashed on the server). */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <SecretOnce title="Recovery codes" copyText={codes.join('\n')} onDone={onDone} doneLabel="I have saved my recovery codes">
      <p>Each code signs you in once if you lose your authenticator. Keep them somewhere safe.</p>
      <ol className="codes" data-testid="recovery-codes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ol>
    </SecretOnce>
  );
}
