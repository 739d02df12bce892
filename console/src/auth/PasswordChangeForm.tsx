import { useState, type FormEvent } from 'react';
import { api } from '../api.js';
import type { AuthResult } from '../types.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { TextField } from '../ui/TextField.js';
import { useAction } from '../ui/useAction.js';
import { AuthCard } from './AuthCard.js';

/**
 * Forced change of a one-time password before anything else (PCI DSS 8.3.5/8.3.6). Length and
 * strength rules are the server's; the form only checks that both new entries match.
 */
export function PasswordChangeForm({ onResult }: { onResult: (r: AuthResult) => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const { busy, error, setError, run } = useAction();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (next !== again) {
      setError(new Error('The two new passwords do not match.'));
      return;
    }
    void run(async () => onResult(await api.changePassword(current, next)));
  };

  return (
    <AuthCard title="Choose a new password">
      <p>Your password was issued once by an administrator. Choose your own before you continue.</p>
      <form onSubmit={submit}>
        <TextField
          label="Current (one-time) password"
          type="password"
          autoComplete="current-password"
          required
          autoFocus
          value={current}
          onChange={setCurrent}
        />
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          hint="At least 12 characters; a passphrase of several words is easiest to remember."
          value={next}
          onChange={setNext}
        />
        <TextField
          label="Repeat new password"
          type="password"
          autoComplete="new-password"
          required
          value={again}
          onChange={setAgain}
        />
        <ErrorNotice error={error} />
        <button className="primary" type="submit" disabled={busy}>
          Change password
        </button>
      </form>
    </AuthCard>
  );
}
