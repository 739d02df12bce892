import { api } from '../api.js';
import type { Brand } from '../types.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { formatTime } from '../ui/format.js';
import { useAction } from '../ui/useAction.js';
import { useLoad } from '../ui/useLoad.js';
import { CLASS_LABEL } from './types.js';

/** Purge runs, newest first, each with its report per brand and class; admins start one now. */
export function RunsPanel({ brands, canManage }: { brands: Brand[]; canManage: boolean }) {
  const { data, error, reload } = useLoad(() => api.retentionRuns(), []);
  const action = useAction();
  const nameOf = (id: string) => brands.find((b) => b.id === id)?.name ?? id;

  return (
    <section aria-labelledby="retention-runs-title">
      <h2 id="retention-runs-title">Purge runs</h2>
      <ErrorNotice error={error ?? action.error} />
      {canManage && (
        <button
          type="button"
          className="primary"
          disabled={action.busy}
          onClick={() =>
            void action.run(async () => {
              await api.runRetentionPurge();
              reload();
            })
          }
        >
          Run purge now
        </button>
      )}
      {data && data.items.length === 0 && <p>No purge has run yet.</p>}
      <ul className="cards">
        {(data?.items ?? []).map((r) => (
          <li key={r.id} className="card" data-testid="purge-run">
            <header>
              {formatTime(r.startedAt)} · {r.trigger === 'manual' ? 'on demand' : 'scheduled'} · {r.status} · purged <strong data-testid="run-purged">{r.purged}</strong>, skipped (legal hold){' '}
              <strong data-testid="run-skipped">{r.skippedHold}</strong>, errors {r.errors}
            </header>
            <details>
              <summary>Report</summary>
              <table>
                <thead>
                  <tr>
                    <th>Brand</th>
                    <th>Data</th>
                    <th>Days</th>
                    <th>Purged</th>
                    <th>Skipped (hold)</th>
                    <th>Errors</th>
                    <th>Note</th>
                  </tr>
                </thead>
                <tbody>
                  {r.items.map((i) => (
                    <tr key={`${i.brandId}:${i.dataClass}`}>
                      <td>{nameOf(i.brandId)}</td>
                      <td>{CLASS_LABEL[i.dataClass]}</td>
                      <td>{i.days ?? '—'}</td>
                      <td>{i.purged}</td>
                      <td>{i.skippedHold}</td>
                      <td>{i.errors}</td>
                      <td>{i.note ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
