import { useState } from 'react';
import { api } from '../api.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { useAction } from '../ui/useAction.js';

/** A security admin adds a module (id in lower case, e.g. `pci_refresher`), valid for N months. */
export function NewModuleForm({ onCreated }: { onCreated: () => void }) {
  const [id, setId] = useState('');
  const [title, setTitle] = useState('');
  const [months, setMonths] = useState(12);
  const action = useAction();
  return (
    <details className="panel">
      <summary>Add a module</summary>
      <form
        className="stack-form"
        onSubmit={(e) => {
          e.preventDefault();
          void action.run(async () => {
            await api.createTrainingModule({ id: id.trim(), title: title.trim(), validityMonths: months });
            setId('');
            setTitle('');
            onCreated();
          });
        }}
      >
        <ErrorNotice error={action.error} />
        <div className="field">
          <label htmlFor="module-id">Id</label>
          <input id="module-id" required pattern="[a-z][a-z0-9_]{1,62}" value={id} onChange={(e) => setId(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="module-title">Title</label>
          <input id="module-title" required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="module-months">Valid for (months)</label>
          <input id="module-months" type="number" min={1} max={60} required value={months} onChange={(e) => setMonths(Number(e.target.value))} />
        </div>
        <button type="submit" disabled={action.busy}>
          Add module
        </button>
      </form>
    </details>
  );
}
