import { ROLES, type Assignment, type Brand, type Role } from '../types.js';

const ROLE_LABELS: Record<Role, string> = {
  security_admin: 'Security admin',
  supervisor: 'Supervisor',
  agent: 'Agent',
  qa_reviewer: 'QA reviewer',
  auditor: 'Auditor',
};

/** Rows of (brand, role): one role per brand assignment. */
export function AssignmentsEditor({
  brands,
  value,
  onChange,
}: {
  brands: Brand[];
  value: Assignment[];
  onChange: (next: Assignment[]) => void;
}) {
  const update = (i: number, patch: Partial<Assignment>) =>
    onChange(value.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  const firstFree = brands.find((b) => !value.some((a) => a.brandId === b.id)) ?? brands[0];

  return (
    <fieldset className="assignments">
      <legend>Roles per brand</legend>
      {value.length === 0 && <p className="hint">No brand assignments.</p>}
      {value.map((a, i) => (
        <div className="row" key={i}>
          <label>
            <span className="sr-only">Brand of assignment {i + 1}</span>
            <select value={a.brandId} onChange={(e) => update(i, { brandId: e.target.value })}>
              {brands.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span className="sr-only">Role of assignment {i + 1}</span>
            <select value={a.role} onChange={(e) => update(i, { role: e.target.value as Role })}>
              {ROLES.filter((r) => r !== 'security_admin').map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => onChange(value.filter((_, j) => j !== i))} aria-label={`Remove assignment ${i + 1}`}>
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        disabled={!firstFree}
        onClick={() => firstFree && onChange([...value, { brandId: firstFree.id, role: 'agent' }])}
      >
        Add a brand role
      </button>
    </fieldset>
  );
}
