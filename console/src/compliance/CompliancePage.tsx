import { useState } from 'react';
import { BrandSelect } from '../admin/BrandSelect.js';
import { useBrands } from '../admin/useBrands.js';
import { api } from '../api.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { useLoad } from '../ui/useLoad.js';
import { EvidencePanel } from './EvidencePanel.js';
import { StatusBadge } from './StatusBadge.js';
import type { ComplianceReport, Framework } from './types.js';

/** The compliance report of a brand: PCI DSS, ISO 27001 and GDPR controls with live evidence and gaps. */
export function CompliancePage() {
  const { brands, error: brandsError } = useBrands();
  const [brandId, setBrandId] = useState('');
  const chosen = brandId || brands[0]?.id || '';
  return (
    <section aria-labelledby="compliance-title">
      <h1 id="compliance-title">Compliance report</h1>
      <p className="hint">Each control's status comes from evidence read from callvault now: nothing here is typed in by hand.</p>
      <ErrorNotice error={brandsError} />
      <BrandSelect brands={brands} value={chosen} onChange={setBrandId} />
      {chosen && <Report key={chosen} brandId={chosen} />}
    </section>
  );
}

function Report({ brandId }: { brandId: string }) {
  const { data: r, error, loading, reload } = useLoad<ComplianceReport>(() => api.complianceReport(brandId), [brandId]);
  const [framework, setFramework] = useState<Framework | ''>('');
  if (error) return <ErrorNotice error={error} />;
  if (loading && !r) return <p>Reading the evidence…</p>;
  if (!r) return null;
  const controls = r.controls.filter((c) => !framework || c.framework === framework);
  const titles = new Map(r.evidence.map((e) => [e.key, e.title]));
  return (
    <>
      <p className="hint">
        Generated {new Date(r.generatedAt).toLocaleString()} ·{' '}
        <a href={api.complianceReportHtmlUrl(brandId)} target="_blank" rel="noopener">
          Printable / PDF
        </a>{' '}
        (print it from the browser to save a PDF) ·{' '}
        <button type="button" className="link" onClick={reload}>
          Read again
        </button>
      </p>
      <table aria-label="Summary per framework">
        <thead>
          <tr>
            <th>Framework</th>
            <th>Met</th>
            <th>Partial</th>
            <th>Gap</th>
            <th>Not applicable</th>
          </tr>
        </thead>
        <tbody>
          {r.summary.map((s) => (
            <tr key={s.framework}>
              <th>{s.title}</th>
              <td>{s.met}</td>
              <td>{s.partial}</td>
              <td>{s.gap}</td>
              <td>{s.notApplicable}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="field">
        <label htmlFor="compliance-framework">Framework</label>
        <select id="compliance-framework" value={framework} onChange={(e) => setFramework(e.target.value as Framework | '')}>
          <option value="">All frameworks</option>
          {r.summary.map((s) => (
            <option key={s.framework} value={s.framework}>
              {s.title}
            </option>
          ))}
        </select>
      </div>
      <table aria-label="Controls">
        <thead>
          <tr>
            <th>Control</th>
            <th>Requirement</th>
            <th>Status</th>
            <th>Evidence</th>
            <th>Gaps</th>
          </tr>
        </thead>
        <tbody>
          {controls.map((c) => (
            <tr key={`${c.framework}-${c.id}`} data-control={c.id}>
              <td className="mono">{c.id}</td>
              <td>
                {c.title}
                <div className="hint">{c.how}</div>
              </td>
              <td>
                <StatusBadge status={c.status} />
              </td>
              <td>
                {c.evidence.map((k) => (
                  <div key={k}>
                    <a href={`#evidence-${k}`} onClick={(e) => (e.preventDefault(), document.getElementById(`evidence-${k}`)?.scrollIntoView())}>
                      {titles.get(k) ?? k}
                    </a>
                  </div>
                ))}
              </td>
              <td>{c.gaps.length ? <ul className="reasons">{c.gaps.map((g) => <li key={g}>{g}</li>)}</ul> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Evidence</h2>
      <div className="cards">
        {r.evidence.map((e) => (
          <EvidencePanel key={e.key} e={e} />
        ))}
      </div>
    </>
  );
}
