import { FRAMEWORK_TITLE, FRAMEWORKS, type ComplianceReport, type ControlStatus, type Evidence, type EvidenceStatus, type Figure } from './types.js';

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const LABEL: Record<EvidenceStatus, string> = { met: 'Met', partial: 'Partial', gap: 'Gap', not_applicable: 'Not applicable', not_available: 'Not available' };
const badge = (s: ControlStatus | EvidenceStatus) => `<span class="badge ${s}">${LABEL[s]}</span>`;
const figure = (v: Figure): string => (Array.isArray(v) ? (v.length === 0 ? '—' : v.join(', ')) : v === null ? '—' : String(v));

function evidenceBlock(e: Evidence): string {
  const rows = Object.entries(e.figures)
    .map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(figure(v))}</td></tr>`)
    .join('');
  return `<section class="evidence" id="ev-${e.key}">
<h3>${esc(e.title)} ${badge(e.status)}</h3>
<p>${esc(e.summary)}</p>
<p class="meta">Read ${esc(e.readAt)} · source: ${esc(e.source)}</p>
${rows ? `<table class="figures">${rows}</table>` : ''}
${e.gaps.length ? `<ul class="gaps">${e.gaps.map((g) => `<li>${esc(g)}</li>`).join('')}</ul>` : ''}
</section>`;
}

/**
 * The report as one printable document: inline CSS only (no script, no external resource), print
 * rules so a browser's "Print to PDF" gives clean pages. Brand name, ids, counts and dates only.
 */
export function complianceHtml(r: ComplianceReport): string {
  const titles = new Map(r.evidence.map((e) => [e.key, e.title]));
  const summary = r.summary
    .map((s) => `<tr><th>${esc(s.title)}</th><td>${s.met}</td><td>${s.partial}</td><td>${s.gap}</td><td>${s.notApplicable}</td></tr>`)
    .join('');
  const frameworks = FRAMEWORKS.map((f) => {
    const rows = r.controls
      .filter((c) => c.framework === f)
      .map(
        (c) => `<tr class="${c.status}"><td class="id">${esc(c.id)}</td><td>${esc(c.title)}<div class="how">${esc(c.how)}</div></td><td>${badge(c.status)}</td>
<td>${c.evidence.map((k) => `<a href="#ev-${k}">${esc(titles.get(k) ?? k)}</a>`).join('<br>')}</td>
<td>${c.gaps.length ? `<ul>${c.gaps.map((g) => `<li>${esc(g)}</li>`).join('')}</ul>` : '—'}</td></tr>`,
      )
      .join('\n');
    return `<h2>${esc(FRAMEWORK_TITLE[f])}</h2>
<table class="controls"><thead><tr><th>Control</th><th>Requirement</th><th>Status</th><th>Evidence</th><th>Gaps</th></tr></thead><tbody>
${rows}
</tbody></table>`;
  }).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Compliance report — ${esc(r.brand.name)}</title>
<style>
body{font:13px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1b1f24;margin:2em auto;max-width:70em;padding:0 1.5em}
h1{font-size:1.6em;margin:0 0 .2em}h2{font-size:1.25em;margin:1.6em 0 .5em;border-bottom:2px solid #1b1f24}h3{font-size:1.05em;margin:0 0 .3em}
table{border-collapse:collapse;width:100%;margin:.4em 0}th,td{border:1px solid #c9ced6;padding:.3em .5em;text-align:left;vertical-align:top}
thead th{background:#eef1f5}.summary td{text-align:center;width:7em}.id{white-space:nowrap;font-weight:600}.how,.meta{color:#57606a;font-size:.9em}
.controls ul,.gaps{margin:0;padding-left:1.1em}.gaps li{color:#8a1c1c}
.badge{display:inline-block;padding:0 .45em;border-radius:.3em;font-size:.85em;font-weight:600;border:1px solid}
.badge.met{color:#116329;border-color:#116329;background:#dafbe1}.badge.partial{color:#7d4e00;border-color:#7d4e00;background:#fff8c5}
.badge.gap,.badge.not_available{color:#8a1c1c;border-color:#8a1c1c;background:#ffebe9}.badge.not_applicable{color:#57606a;border-color:#57606a;background:#f6f8fa}
.evidence{border:1px solid #c9ced6;border-radius:.4em;padding:.7em 1em;margin:.8em 0;break-inside:avoid}.figures{width:auto}.figures th{font-weight:500;color:#57606a}
@media print{body{margin:0;max-width:none;font-size:10.5pt}a{color:inherit;text-decoration:none}h2{break-after:avoid}tr{break-inside:avoid}
@page{size:A4;margin:15mm 12mm}.badge{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
</style></head>
<body>
<header><h1>Compliance report: ${esc(r.brand.name)}</h1>
<p class="meta">Brand ${esc(r.brand.id)} · generated ${esc(r.generatedAt)} by ${esc(r.generatedBy)} · every figure read live from callvault at the time shown beside it</p></header>
<h2>Summary</h2>
<table class="summary"><thead><tr><th>Framework</th><th>Met</th><th>Partial</th><th>Gap</th><th>Not applicable</th></tr></thead><tbody>${summary}</tbody></table>
${frameworks}
<h2>Evidence</h2>
${r.evidence.map(evidenceBlock).join('\n')}
</body></html>
`;
}
