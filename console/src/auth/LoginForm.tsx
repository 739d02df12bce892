import { useState, type FormEvent } from 'react';
import { api } from '../api.js';
import type { AuthResult } from '../types.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { TextField } from '../ui/TextField.js';
import { useAction } from '../ui/useAction.js';
import { AuthCard } from './AuthCard.js';

/** Step one of sign-in: email and password (the server answers which step comes next). */
export function LoginForm({ notice, onResult }: { notice?: string; onResult: (r: AuthResult) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, run } = useAction();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const result = await api.login(email.trim(), password);
      setPassword('');
      onResult(result);
    });
  };

  return (
    <AuthCard title="Sign in">
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <form onSubmit={submit}>
        <TextField label="Email" type="email" autoComplete="username" required autoFocus value={email} onChange={setEmail} />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={setPassword}
        />
        <ErrorNotice error={error} />
        <button className="primary" type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </AuthCard>
  );
}
