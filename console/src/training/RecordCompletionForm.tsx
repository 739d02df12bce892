import { useState } from 'react';
import { api } from '../api.js';
import type { TrainingModule } from '../types.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { useAction } from '../ui/useAction.js';

/**
 * A security admin records a completion (default today). People not yet on the brand can be
 * entered by user id: that is how someone is trained before the brand accepts the assignment.
 */
export function RecordCompletionForm({ people, modules, onRecorded }: { people: { id: string; label: string }[]; modules: TrainingModule[]; onRecorded: () => void }) {
  const [userId, setUserId] = useState('');
  const [moduleId, setModuleId] = useState('');
  const [date, setDate] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();
  return (
    <form
      className="stack-form"
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(async () => {
          const r = await api.recordTraining({ userId: userId.trim(), moduleId: moduleId || (modules[0]?.id ?? ''), ...(date && { completedAt: new Date(`${date}T12:00:00Z`).toISOString() }) });
          setDone(`Recorded; valid until ${new Date(r.expiresAt).toLocaleDateString()}.`);
          onRecorded();
        });
      }}
    >
      <h3>Record a completion</h3>
      <ErrorNotice error={action.error} />
      {done && <p role="status">{done}</p>}
      <div className="field">
        <label htmlFor="completion-user">User id</label>
        <input id="completion-user" required list="completion-people" value={userId} onChange={(e) => setUserId(e.target.value)} />
        <datalist id="completion-people">
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </datalist>
      </div>
      <div className="field">
        <label htmlFor="completion-module">Module</label>
        <select id="completion-module" value={moduleId} onChange={(e) => setModuleId(e.target.value)}>
          {modules.map((m) => (
            <option key={m.id} value={m.id}>
              {m.title}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="completion-date">Completed on (empty: today)</label>
        <input id="completion-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
      </div>
      <button type="submit" disabled={action.busy}>
        Record completion
      </button>
    </form>
  );
}
