import { useState } from 'react';
import { useBrands } from '../admin/useBrands.js';
import { api } from '../api.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { Pager } from '../ui/Pager.js';
import { useLoad } from '../ui/useLoad.js';
import { AuditFilters, EMPTY_FILTERS, type AuditFilterValues } from './AuditFilters.js';
import { AuditTable } from './AuditTable.js';
import { ChainStatusPanel } from './ChainStatusPanel.js';

/** datetime-local gives local wall time; the API takes ISO 8601 instants. */
function toIso(local: string): string | undefined {
  if (!local) return undefined;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** Audit explorer: filter, page back through history (cursor `before`), and see chain status. */
export function AuditPage({ canListUsers }: { canListUsers: boolean }) {
  const { brands, error: brandsError } = useBrands();
  const [filters, setFilters] = useState<AuditFilterValues>(EMPTY_FILTERS);
  // Cursors of the pages already seen, so "Newer" can step back without the server keeping state.
  const [cursors, setCursors] = useState<string[]>([]);
  const [refreshKey, setRefreshKey] = useState(0);
  const before = cursors[cursors.length - 1];

  const { data, error, loading } = useLoad(
    () =>
      api.auditEvents({
        brandId: filters.brandId || undefined,
        actorId: filters.actorId.trim() || undefined,
        action: filters.action.trim() || undefined,
        from: toIso(filters.from),
        to: toIso(filters.to),
        limit: Number(filters.pageSize),
        before,
      }),
    [filters, before, refreshKey],
  );
  const next = data?.nextBefore;
  // Names for actor ids. Only asked when allowed: a refused request would itself be an audited denial.
  const { data: people } = useLoad(
    async () => new Map(canListUsers ? (await api.users()).items.map((u) => [u.id, u.email] as const) : []),
    [canListUsers],
  );

  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">Audit trail</h1>
      <ErrorNotice error={brandsError ?? error} />
      <ChainStatusPanel brandId={filters.brandId} refreshKey={refreshKey} />
      <AuditFilters
        brands={brands}
        initial={filters}
        onApply={(f) => {
          setFilters(f);
          setCursors([]);
          setRefreshKey((k) => k + 1);
        }}
      />
      <div aria-busy={loading} aria-live="polite">
        <AuditTable events={data?.items ?? []} brands={brands} people={people ?? new Map()} />
      </div>
      <Pager label="Audit pages" cursors={cursors} next={next === null || next === undefined ? null : String(next)} onChange={setCursors} />
    </section>
  );
}
