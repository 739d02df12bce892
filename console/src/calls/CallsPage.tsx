import { useState } from 'react';
import { useBrands } from '../admin/useBrands.js';
import { api } from '../api.js';
import type { CallStatus } from '../types.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { formatTime } from '../ui/format.js';
import { Pager } from '../ui/Pager.js';
import { useLoad } from '../ui/useLoad.js';
import { formatDuration, sentimentLabel, STATUS_LABEL } from './format.js';

interface Filters {
  brandId: string;
  status: '' | CallStatus;
  agent: string;
  from: string;
  to: string;
}
const EMPTY: Filters = { brandId: '', status: '', agent: '', from: '', to: '' };
/** A date picked in the browser's time zone, as the instant its day starts. */
const isoDay = (d: string) => (d ? new Date(`${d}T00:00:00`).toISOString() : undefined);

/** Calls of the brands the person reviews: filters, newest first, paged; a row opens the review. */
export function CallsPage() {
  const { brands, error: brandsError } = useBrands();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [cursors, setCursors] = useState<string[]>([]);
  const before = cursors[cursors.length - 1];
  const { data, error, loading } = useLoad(
    () =>
      api.calls({
        brandId: filters.brandId || undefined,
        status: filters.status || undefined,
        agent: filters.agent.trim() || undefined,
        from: isoDay(filters.from),
        // "to" is inclusive of the day picked.
        to: filters.to ? new Date(new Date(`${filters.to}T00:00:00`).getTime() + 86_400_000).toISOString() : undefined,
        limit: 25,
        before,
      }),
    [filters, before],
  );
  const brandName = (id: string) => brands.find((b) => b.id === id)?.name ?? id;
  const next = data?.nextBefore ?? null;

  return (
    <section aria-labelledby="calls-title">
      <h1 id="calls-title">Calls</h1>
      <ErrorNotice error={brandsError ?? error} />
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          setFilters(draft);
          setCursors([]);
        }}
      >
        <div className="field">
          <label htmlFor="calls-brand">Brand</label>
          <select id="calls-brand" value={draft.brandId} onChange={(e) => setDraft({ ...draft, brandId: e.target.value })}>
            <option value="">All my brands</option>
            {brands.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="calls-status">Status</label>
          <select id="calls-status" value={draft.status} onChange={(e) => setDraft({ ...draft, status: e.target.value as Filters['status'] })}>
            <option value="">Any</option>
            {(['ready', 'processing', 'received', 'failed'] as const).map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="calls-agent">Agent id</label>
          <input id="calls-agent" value={draft.agent} onChange={(e) => setDraft({ ...draft, agent: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="calls-from">From</label>
          <input id="calls-from" type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="calls-to">To</label>
          <input id="calls-to" type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </div>
        <div className="row">
          <button type="submit" className="primary">
            Apply filters
          </button>
        </div>
      </form>
      <table aria-busy={loading}>
        <caption className="sr-only">Calls</caption>
        <thead>
          <tr>
            <th scope="col">Call</th>
            <th scope="col">Brand</th>
            <th scope="col">Agent</th>
            <th scope="col">Started</th>
            <th scope="col">Length</th>
            <th scope="col">Status</th>
            <th scope="col">Redactions</th>
            <th scope="col">Sentiment</th>
          </tr>
        </thead>
        <tbody>
          {(data?.items ?? []).map((c) => (
            <tr key={c.id} data-testid="call-row">
              <th scope="row">
                <a href={`#/calls/${c.id}`}>{c.externalId}</a>
              </th>
              <td>{brandName(c.brandId)}</td>
              <td>{c.agentRef ?? '—'}</td>
              <td>{formatTime(c.startedAt ?? c.createdAt)}</td>
              <td>{formatDuration(c.durationSeconds)}</td>
              <td className={c.status === 'failed' ? 'outcome-failure' : undefined}>
                {STATUS_LABEL[c.status]}
                {c.failureCode && <small> ({c.failureCode})</small>}
              </td>
              <td>
                {c.redactionCount ?? '—'}
                {c.redactionTypes.length > 0 && <small> {c.redactionTypes.join(', ')}</small>}
              </td>
              <td>{sentimentLabel(c.sentiment)}</td>
            </tr>
          ))}
          {!loading && (data?.items.length ?? 0) === 0 && (
            <tr>
              <td colSpan={8}>No calls match.</td>
            </tr>
          )}
        </tbody>
      </table>
      <Pager label="Call pages" cursors={cursors} next={next} onChange={setCursors} />
    </section>
  );
}
