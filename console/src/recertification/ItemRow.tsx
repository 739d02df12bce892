import { useState } from 'react';
import { api } from '../api.js';
import type { RecertItem } from '../types.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { formatTime } from '../ui/format.js';
import { useAction } from '../ui/useAction.js';
import { DECISION_LABEL } from './labels.js';

/** One access to confirm or remove; removing takes it away at once (the person loses the brand, the key stops working). */
export function ItemRow({ item, brand, canAnswer, own, onAnswered }: { item: RecertItem; brand: string; canAnswer: boolean; own: boolean; onAnswered: () => void }) {
  const [note, setNote] = useState('');
  const action = useAction();
  const answer = (decision: 'confirm' | 'remove') =>
    action.run(async () => {
      await api.answerRecertItem(item.id, decision, note.trim() || undefined);
      onAnswered();
    });
  const who = item.kind === 'user_role' ? `${item.label ?? item.subjectId} (${item.detail ?? 'user'})` : `API key ${item.label ?? item.subjectId} (${item.detail ?? ''})`;
  return (
    <tr data-testid="recert-item">
      <th scope="row">{who}</th>
      <td>{brand}</td>
      <td>{item.role ?? '—'}</td>
      <td>
        <ErrorNotice error={action.error} />
        {item.decision ? (
          <span data-testid="recert-decision">
            {DECISION_LABEL[item.decision]} {item.answeredAt && `· ${formatTime(item.answeredAt)}`} {item.note && `· ${item.note}`}
          </span>
        ) : canAnswer ? (
          <div className="inline-form">
            <label className="sr-only" htmlFor={`note-${item.id}`}>
              Note
            </label>
            <input id={`note-${item.id}`} placeholder="Note (optional)" maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
            <button type="button" disabled={action.busy} onClick={() => void answer('confirm')}>
              Confirm
            </button>
            <button type="button" disabled={action.busy} onClick={() => void answer('remove')}>
              Remove
            </button>
          </div>
        ) : own ? (
          'Unanswered — your own access is confirmed by another reviewer'
        ) : (
          'Unanswered'
        )}
      </td>
    </tr>
  );
}
