import { useId } from 'react';

type Props<T extends string> = {
  label: string;
  value: T | '';
  onChange: (value: T | '') => void;
  /** The choices in display order, each shown by its label. */
  options: readonly T[];
  labels: Readonly<Record<string, string>>;
  /** A first choice with the empty value ("Any"), for filters. */
  emptyLabel?: string;
};

/** A labelled select over a fixed set of values: the list filters' status pickers. */
export function SelectField<T extends string>({ label, value, onChange, options, labels, emptyLabel }: Props<T>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as T | '')}>
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {options.map((o) => (
          <option key={o} value={o}>
            {labels[o]}
          </option>
        ))}
      </select>
    </div>
  );
}
