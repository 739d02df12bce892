import { useState, type FormEvent } from 'react';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { TextField } from '../ui/TextField.js';
import { useAction } from '../ui/useAction.js';

/** One code in, one submit: used for TOTP codes, recovery codes and enrollment confirmation. */
export function CodeForm({
  label,
  submitLabel,
  numeric = true,
  onSubmit,
}: {
  label: string;
  submitLabel: string;
  numeric?: boolean;
  onSubmit: (code: string) => Promise<void>;
}) {
  const [code, setCode] = useState('');
  const { busy, error, run } = useAction();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await onSubmit(code.replace(/\s+/g, ''));
      setCode('');
    });
  };

  return (
    <form onSubmit={submit}>
      <TextField
        label={label}
        autoComplete="one-time-code"
        inputMode={numeric ? 'numeric' : 'text'}
        pattern={numeric ? '[0-9 ]{6,8}' : undefined}
        required
        autoFocus
        value={code}
        onChange={setCode}
      />
      <ErrorNotice error={error} />
      <button className="primary" type="submit" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}
