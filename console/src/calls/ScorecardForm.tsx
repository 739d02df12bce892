import { useState } from 'react';
import { api } from '../api.js';
import type { CallView } from '../types.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { formatTime } from '../ui/format.js';
import { useAction } from '../ui/useAction.js';

/** Scorecards of the call, and a form to add one. Notes are redacted by the server before they are kept. */
export function Scorecards({ callId, scorecards, onSaved }: { callId: string; scorecards: CallView['scorecards']; onSaved: () => void }) {
  const [score, setScore] = useState('80');
  const [notes, setNotes] = useState('');
  const save = useAction();
  return (
    <section aria-labelledby="scorecards-title" className="scorecards">
      <h2 id="scorecards-title">Scorecards</h2>
      {scorecards.length === 0 && <p className="hint">No scorecard yet.</p>}
      <ul>
        {scorecards.map((s) => (
          <li key={s.id} data-testid="scorecard">
            <strong>{s.score}</strong> / 100 · {formatTime(s.createdAt)}
            {s.notes && <p className="notes">{s.notes}</p>}
          </li>
        ))}
      </ul>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save.run(async () => {
            await api.scoreCall(callId, Number(score), notes);
            setNotes('');
            onSaved();
          });
        }}
      >
        <ErrorNotice error={save.error} />
        <div className="field">
          <label htmlFor="score">Score (0–100)</label>
          <input id="score" type="number" min={0} max={100} required value={score} onChange={(e) => setScore(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="notes">Notes</label>
          <textarea id="notes" rows={3} maxLength={10000} value={notes} onChange={(e) => setNotes(e.target.value)} aria-describedby="notes-hint" />
          <small id="notes-hint" className="hint">
            Anything that looks like customer data is redacted before the notes are saved.
          </small>
        </div>
        <button type="submit" className="primary" disabled={save.busy}>
          Save scorecard
        </button>
      </form>
    </section>
  );
}
