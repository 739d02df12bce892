import type { AuditEvent, Brand } from '../types.js';
import { formatRef, formatTime } from '../ui/format.js';

/** Audit events, newest first. Events hold ids only, never customer data. */
export function AuditTable({
  events,
  brands,
  people,
}: {
  events: AuditEvent[];
  brands: Brand[];
  /** User id → email, when the viewer may list users; otherwise ids are shown. */
  people: ReadonlyMap<string, string>;
}) {
  const brandName = (id: string | null) => (id ? (brands.find((b) => b.id === id)?.name ?? id) : 'installation');
  return (
    <table className="audit">
      <caption className="sr-only">Audit events</caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">When</th>
          <th scope="col">Brand</th>
          <th scope="col">Actor</th>
          <th scope="col">Action</th>
          <th scope="col">Target</th>
          <th scope="col">Outcome</th>
          <th scope="col">From</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e) => (
          <tr key={`${e.chainId}:${e.seq}`} data-testid="audit-row" data-action={e.action}>
            <td>{e.seq}</td>
            <td>{formatTime(e.at)}</td>
            <td>{brandName(e.brandId)}</td>
            <td>
              {e.actor.kind === 'user' && people.has(e.actor.id) ? (
                <span title={e.actor.id}>{people.get(e.actor.id)}</span>
              ) : (
                <code>{formatRef(e.actor)}</code>
              )}
            </td>
            <td>
              <code>{e.action}</code>
            </td>
            <td>
              {e.target?.type === 'user' && people.has(e.target.id) ? (
                <span title={e.target.id}>{people.get(e.target.id)}</span>
              ) : (
                formatRef(e.target)
              )}
            </td>
            <td className={`outcome-${e.outcome}`}>{e.outcome}</td>
            <td title={e.userAgent ?? undefined}>{e.ip ?? '—'}</td>
          </tr>
        ))}
        {events.length === 0 && (
          <tr>
            <td colSpan={8}>No events match.</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
