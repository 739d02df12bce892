import { useState } from 'react';
import { api, plainAssignments } from '../api.js';
import type { Assignment, Brand, User } from '../types.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { useAction } from '../ui/useAction.js';
import { AssignmentsEditor } from './AssignmentsEditor.js';

/** One user with the admin actions on them: change roles, reset MFA, unlock. */
export function UserRow({
  user,
  brands,
  canManage,
  onChanged,
}: {
  user: User;
  brands: Brand[];
  canManage: boolean;
  onChanged: () => void;
}) {
  const [editing, setEditing] = useState<Assignment[] | null>(null);
  const [done, setDone] = useState('');
  const { busy, error, run } = useAction();
  const brandName = (id: string) => brands.find((b) => b.id === id)?.name ?? id;

  const act = (fn: () => Promise<void>, message: string) =>
    void run(async () => {
      await fn();
      setDone(message);
      onChanged();
    });

  return (
    <tr data-testid="user-row" data-email={user.email}>
      <th scope="row">
        {user.displayName}
        <br />
        <small>{user.email}</small>
      </th>
      <td>
        {user.isSecurityAdmin && <span className="tag">security admin</span>}
        {editing ? (
          <AssignmentsEditor brands={brands} value={editing} onChange={setEditing} />
        ) : (
          user.assignments.map((a) => (
            <span className="tag" key={`${a.brandId}:${a.role}`}>
              {a.role} · {a.brandName ?? brandName(a.brandId)}
            </span>
          ))
        )}
      </td>
      <td>{user.mfaEnrolled ? 'enrolled' : 'not enrolled'}</td>
      <td>{user.locked ? <strong>locked</strong> : 'active'}</td>
      {canManage && (
        <td className="actions">
          {editing ? (
            <>
              <button
                type="button"
                className="primary"
                disabled={busy}
                onClick={() =>
                  act(async () => {
                    await api.setAssignments(user.id, plainAssignments(editing));
                    setEditing(null);
                  }, 'Roles saved.')
                }
              >
                Save roles
              </button>
              <button type="button" onClick={() => setEditing(null)}>
                Cancel
              </button>
            </>
          ) : (
            <button type="button" onClick={() => setEditing(plainAssignments(user.assignments))}>
              Change roles
            </button>
          )}
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              if (window.confirm(`Reset two-factor sign-in for ${user.email}? They will enroll again at next sign-in.`))
                act(() => api.resetMfa(user.id), 'MFA reset.');
            }}
          >
            Reset MFA
          </button>
          {user.locked && (
            <button type="button" disabled={busy} onClick={() => act(() => api.unlock(user.id), 'Unlocked.')}>
              Unlock
            </button>
          )}
          {done && <span role="status">{done}</span>}
          <ErrorNotice error={error} />
        </td>
      )}
    </tr>
  );
}
