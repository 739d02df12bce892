import { useId, useState, type FormEvent } from 'react';
import { BrandSelect } from '../admin/BrandSelect.js';
import type { AuditQuery, Brand } from '../types.js';
import { TextField } from '../ui/TextField.js';

export type AuditFilterValues = Required<Pick<AuditQuery, 'brandId' | 'actorId' | 'action' | 'from' | 'to'>> & {
  pageSize: string;
};

export const PAGE_SIZES = ['10', '25', '50', '100'] as const;

export const EMPTY_FILTERS: AuditFilterValues = { brandId: '', actorId: '', action: '', from: '', to: '', pageSize: '50' };

/** Filters of the audit explorer; applied on submit so typing does not send a request per key. */
export function AuditFilters({
  brands,
  initial,
  onApply,
}: {
  brands: Brand[];
  initial: AuditFilterValues;
  onApply: (f: AuditFilterValues) => void;
}) {
  const [f, setF] = useState(initial);
  const sizeId = useId();
  const set = (k: keyof AuditFilterValues) => (v: string) => setF({ ...f, [k]: v });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(f);
  };

  return (
    <form className="filters" onSubmit={submit} aria-label="Audit filters">
      <BrandSelect brands={brands} value={f.brandId} onChange={set('brandId')} allLabel="All brands" />
      <TextField label="Actor id" value={f.actorId} onChange={set('actorId')} placeholder="user or API key id" />
      <TextField label="Action" value={f.action} onChange={set('action')} placeholder="e.g. auth.login" />
      <TextField label="From" type="datetime-local" value={f.from} onChange={set('from')} />
      <TextField label="To" type="datetime-local" value={f.to} onChange={set('to')} />
      <div className="field">
        <label htmlFor={sizeId}>Rows per page</label>
        <select id={sizeId} value={f.pageSize} onChange={(e) => set('pageSize')(e.target.value)}>
          {PAGE_SIZES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
      <div className="row">
        <button type="submit" className="primary">
          Apply filters
        </button>
        <button
          type="button"
          onClick={() => {
            setF(EMPTY_FILTERS);
            onApply(EMPTY_FILTERS);
          }}
        >
          Clear
        </button>
      </div>
    </form>
  );
}
