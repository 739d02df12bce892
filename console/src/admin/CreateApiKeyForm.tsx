import { useState, type FormEvent } from 'react';
import { api } from '../api.js';
import { Checkbox } from '../ui/Checkbox.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { SecretOnce } from '../ui/SecretOnce.js';
import { TextField } from '../ui/TextField.js';
import { useAction } from '../ui/useAction.js';
import { API_KEY_SCOPES } from './scopes.js';

/** Creates an API key for one brand; its secret is shown here once (the server keeps a hash). */
export function CreateApiKeyForm({ brandId, onCreated }: { brandId: string; onCreated: () => void }) {
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>([]);
  const [days, setDays] = useState('90');
  const [secret, setSecret] = useState<string | null>(null);
  const { busy, error, setError, run } = useAction();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (scopes.length === 0) {
      setError(new Error('Choose at least one scope.'));
      return;
    }
    void run(async () => {
      const created = await api.createApiKey(brandId, { name: name.trim(), scopes, expiresInDays: Number(days) });
      setSecret(created.secret);
      setName('');
      setScopes([]);
      onCreated();
    });
  };

  if (secret) {
    return (
      <SecretOnce title="New API key" copyText={secret} onDone={() => setSecret(null)}>
        <code className="big" data-testid="api-key-secret">
          {secret}
        </code>
      </SecretOnce>
    );
  }

  return (
    <form className="inline-form" onSubmit={submit} aria-labelledby="new-key-title">
      <h2 id="new-key-title">New API key</h2>
      <TextField label="Key name" required maxLength={100} value={name} onChange={setName} hint="Which system uses it" />
      <fieldset className="scopes">
        <legend>Scopes</legend>
        {API_KEY_SCOPES.map((s) => (
          <Checkbox
            key={s}
            label={s}
            checked={scopes.includes(s)}
            onChange={(on) => setScopes(on ? [...scopes, s] : scopes.filter((x) => x !== s))}
          />
        ))}
      </fieldset>
      <TextField label="Expires in (days)" type="number" min={1} max={365} required value={days} onChange={setDays} />
      <ErrorNotice error={error} />
      <button className="primary" type="submit" disabled={busy || !brandId}>
        Create key
      </button>
    </form>
  );
}
