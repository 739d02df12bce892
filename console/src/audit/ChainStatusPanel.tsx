import { api } from '../api.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { useLoad } from '../ui/useLoad.js';

/**
 * Result of verifying the hash chain and signed checkpoints (GET /audit/verify): valid, or each
 * problem with the sequence number where it was found.
 */
export function ChainStatusPanel({ brandId, refreshKey }: { brandId: string; refreshKey: number }) {
  const { data, error, loading, reload } = useLoad(() => api.auditVerify(brandId || undefined), [brandId, refreshKey]);

  return (
    <section className="chain" aria-labelledby="chain-title" aria-busy={loading} data-testid="chain-status">
      <h2 id="chain-title">Chain status</h2>
      <ErrorNotice error={error} />
      {data && (
        <>
          <p className={data.ok ? 'ok' : 'bad'} data-testid="chain-verdict">
            {data.ok ? 'Chain valid' : 'Chain BROKEN'} — {data.events} events, {data.checkpoints} signed checkpoints
          </p>
          {data.problems.length > 0 && (
            <ul className="problems">
              {data.problems.map((p, i) => (
                <li key={i}>
                  <strong>{p.kind}</strong>
                  {p.seq !== null && ` at #${p.seq}`}: {p.message}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <button type="button" onClick={reload} disabled={loading}>
        Verify again
      </button>
    </section>
  );
}
