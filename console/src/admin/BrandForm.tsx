import { useState, type FormEvent } from 'react';
import { Checkbox } from '../ui/Checkbox.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { TextField } from '../ui/TextField.js';
import { useAction } from '../ui/useAction.js';

/** Name and agent-MFA policy of a brand; used to create one and to edit one. */
export function BrandForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial?: { name: string; agentMfaRequired: boolean };
  submitLabel: string;
  onSubmit: (v: { name: string; agentMfaRequired: boolean }) => Promise<void>;
  onCancel?: () => void;
}) {
  const [name, setName] = useState(initial?.name ?? '');
  const [agentMfa, setAgentMfa] = useState(initial?.agentMfaRequired ?? true);
  const { busy, error, run } = useAction();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await onSubmit({ name: name.trim(), agentMfaRequired: agentMfa });
      if (!initial) setName('');
    });
  };

  return (
    <form className="inline-form" onSubmit={submit}>
      <TextField label="Brand name" required maxLength={200} value={name} onChange={setName} />
      <Checkbox label="Agents must use two-factor sign-in" checked={agentMfa} onChange={setAgentMfa} />
      <ErrorNotice error={error} />
      <div className="row">
        <button className="primary" type="submit" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
