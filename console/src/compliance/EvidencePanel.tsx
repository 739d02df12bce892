import type { ComplianceEvidence, Figure } from './types.js';
import { StatusBadge } from './StatusBadge.js';

const show = (v: Figure): string => (Array.isArray(v) ? (v.length ? v.join(', ') : '—') : v === null ? '—' : String(v));

/** One piece of live evidence: what it says, its figures, when they were read, and its gaps. */
export function EvidencePanel({ e }: { e: ComplianceEvidence }) {
  return (
    <article className="card" id={`evidence-${e.key}`} aria-labelledby={`evidence-${e.key}-title`}>
      <h3 id={`evidence-${e.key}-title`}>
        {e.title} <StatusBadge status={e.status} />
      </h3>
      <p>{e.summary}</p>
      <p className="hint">
        Read {new Date(e.readAt).toLocaleString()} · {e.source}
      </p>
      {Object.keys(e.figures).length > 0 && (
        <dl className="facts">
          {Object.entries(e.figures).map(([k, v]) => (
            <div key={k} style={{ display: 'contents' }}>
              <dt>{k}</dt>
              <dd className={Array.isArray(v) ? 'mono' : undefined}>{show(v)}</dd>
            </div>
          ))}
        </dl>
      )}
      {e.gaps.length > 0 && (
        <ul className="reasons">
          {e.gaps.map((g) => (
            <li key={g} className="overdue">
              {g}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
