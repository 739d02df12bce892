import { useState, type FormEvent } from 'react';
import { api } from '../api.js';
import type { Assignment, Brand } from '../types.js';
import { Checkbox } from '../ui/Checkbox.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { SecretOnce } from '../ui/SecretOnce.js';
import { TextField } from '../ui/TextField.js';
import { useAction } from '../ui/useAction.js';
import { AssignmentsEditor } from './AssignmentsEditor.js';

/** Invites a person; the server answers a one-time password, shown here once. */
export function InviteUserForm({ brands, onInvited }: { brands: Brand[]; onInvited: () => void }) {
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [isSecurityAdmin, setIsSecurityAdmin] = useState(false);
  const [assignments, setAssignments] = useState<Assignment[]>([]);
  const [issued, setIssued] = useState<{ email: string; password: string } | null>(null);
  const { busy, error, run } = useAction();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const { user, oneTimePassword } = await api.inviteUser({
        email: email.trim(),
        displayName: displayName.trim(),
        isSecurityAdmin,
        assignments,
      });
      setIssued({ email: user.email, password: oneTimePassword });
      setEmail('');
      setDisplayName('');
      setIsSecurityAdmin(false);
      setAssignments([]);
      onInvited();
    });
  };

  if (issued) {
    return (
      <SecretOnce title={`One-time password for ${issued.email}`} copyText={issued.password} onDone={() => setIssued(null)}>
        <p>Give it to them through a separate channel. They must change it at first sign-in.</p>
        <code className="big" data-testid="one-time-password">
          {issued.password}
        </code>
      </SecretOnce>
    );
  }

  return (
    <form className="inline-form" onSubmit={submit} aria-labelledby="invite-title">
      <h2 id="invite-title">Invite a user</h2>
      <TextField label="Email" type="email" required value={email} onChange={setEmail} />
      <TextField label="Display name" required maxLength={200} value={displayName} onChange={setDisplayName} />
      <Checkbox label="Security admin (every brand)" checked={isSecurityAdmin} onChange={setIsSecurityAdmin} />
      <AssignmentsEditor brands={brands} value={assignments} onChange={setAssignments} />
      <ErrorNotice error={error} />
      <button className="primary" type="submit" disabled={busy}>
        Invite
      </button>
    </form>
  );
}
