import { useId } from 'react';
import type { Brand } from '../types.js';

/** A labelled brand picker; `allLabel` adds an "every brand" choice with the empty value. */
export function BrandSelect({
  brands,
  value,
  onChange,
  label = 'Brand',
  allLabel,
}: {
  brands: Brand[];
  value: string;
  onChange: (brandId: string) => void;
  label?: string;
  allLabel?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {allLabel !== undefined && <option value="">{allLabel}</option>}
        {brands.map((b) => (
          <option key={b.id} value={b.id}>
            {b.name}
          </option>
        ))}
      </select>
    </div>
  );
}
