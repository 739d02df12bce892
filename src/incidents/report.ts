import type { BlastRadius } from './blast-radius.js';
import { formatRemaining, type ClockState } from './clocks.js';
import type { ClockRecord, IncidentRecord, TaskRecord } from './incidents-data.js';
import type { TimelineEntry } from './timeline.js';

export interface IncidentView extends IncidentRecord {
  playbookTitle: string;
  tasks: TaskRecord[];
  clocks: (ClockRecord & { label: string; state: ClockState })[];
  alertIds: string[];
}

export interface ReportInput {
  incident: IncidentView;
  timeline: TimelineEntry[];
  blast: BlastRadius | null;
  generatedAt: Date;
}

/** Records listed one by one in a report (the CSV export has them all). */
const REPORT_RECORDS = 200;

function clockLine(c: IncidentView['clocks'][number]): string {
  switch (c.state.status) {
    case 'met':
      return `met ${c.metAt} (on time)`;
    case 'met_late':
      return `met ${c.metAt} (late)`;
    case 'overdue':
      return `not met: ${formatRemaining(c.state.remainingMs)}`;
    default:
      return `open: ${formatRemaining(c.state.remainingMs)} left`;
  }
}

const actions = (timeline: TimelineEntry[]) => timeline.filter((e) => e.kind === 'action');

/** A closing report for the brands and the file: Markdown (plain text that reads as a document). */
export function reportMarkdown({ incident: i, timeline, blast, generatedAt }: ReportInput): string {
  const md = (s: string) => s.replace(/([\\`*_[\]<>|#])/g, '\\$1').replace(/\r?\n/g, ' ');
  const out: string[] = [];
  out.push(`# Incident ${i.number}: ${md(i.title)}`, '');
  out.push(`Generated ${generatedAt.toISOString()} by callvault.`, '');
  out.push('## Summary', '');
  out.push('| | |', '|---|---|');
  out.push(`| Playbook | ${i.playbookTitle} |`, `| Severity | ${i.severity} |`, `| Status | ${i.status} |`, `| Opened | ${i.createdAt} (${i.source}) |`);
  out.push(`| Aware since | ${i.awareAt} |`, `| Owner | ${i.ownerId ? `user ${i.ownerId}` : '—'} |`);
  out.push(`| Suspect | ${i.suspect ? `${i.suspect.kind} ${i.suspect.id}` : '—'} |`, `| Window | ${i.windowFrom} – ${i.windowTo ?? 'now'} |`);
  out.push(`| Brands | ${i.brandIds.join(', ') || '—'} |`, `| Alerts | ${i.alertIds.join(', ') || '—'} |`, `| Closed | ${i.closedAt ?? '—'} |`, '');
  if (i.summary) out.push(md(i.summary), '');
  out.push('## Deadlines', '');
  for (const c of i.clocks) out.push(`- **${c.label}** — due ${c.dueAt}; ${clockLine(c)}`);
  out.push('', '## Tasks', '');
  for (const t of i.tasks) out.push(`- [${t.doneAt ? 'x' : ' '}] ${t.title}${t.doneAt ? ` (done ${t.doneAt} by ${t.doneBy})` : ''}`);
  out.push('', '## Containment actions', '');
  const acts = actions(timeline);
  if (acts.length === 0) out.push('None recorded.');
  for (const a of acts) out.push(`- ${a.at} — ${md(a.text)} (by ${a.actor})`);
  out.push('', '## Blast radius', '');
  if (!blast) out.push('No suspect actor: no blast radius.');
  else {
    out.push(`Actor ${blast.actor.kind} ${blast.actor.id}, ${blast.from} – ${blast.to}: ${blast.totalRecords} record(s) touched, ${blast.deniedAttempts} attempt(s) refused.`, '');
    out.push('| Brand | Calls | Payments | Customers |', '|---|---|---|---|');
    for (const b of blast.brands) out.push(`| ${b.brandId} | ${b.calls} | ${b.payments} | ${b.customers} |`);
    const records = blast.brands.flatMap((b) => b.records.map((r) => ({ brand: b.brandId, ...r })));
    if (records.length > 0) {
      out.push('', '| Brand | Record | Actions | Events | First | Last |', '|---|---|---|---|---|---|');
      for (const r of records.slice(0, REPORT_RECORDS)) out.push(`| ${r.brand} | ${r.type} ${r.id} | ${r.actions.join(' ')} | ${r.events} | ${r.firstAt} | ${r.lastAt} |`);
      if (records.length > REPORT_RECORDS) out.push('', `…and ${records.length - REPORT_RECORDS} more in the CSV export.`);
    }
  }
  out.push('', '## Timeline', '');
  for (const e of timeline) out.push(`- ${e.at} · ${e.kind} · ${md(e.text)}${e.actor ? ` · ${e.actor}` : ''}${e.ref ? ` · ${e.ref}` : ''}`);
  return `${out.join('\n')}\n`;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** The same report as a self-contained printable HTML page (print it to PDF from the browser). */
export function reportHtml({ incident: i, timeline, blast, generatedAt }: ReportInput): string {
  const row = (k: string, v: string) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`;
  const parts: string[] = [];
  parts.push(`<h1>Incident ${i.number}: ${esc(i.title)}</h1><p class="meta">Generated ${esc(generatedAt.toISOString())} by callvault.</p>`);
  parts.push('<h2>Summary</h2><table class="kv">');
  parts.push(row('Playbook', i.playbookTitle), row('Severity', i.severity), row('Status', i.status), row('Opened', `${i.createdAt} (${i.source})`), row('Aware since', i.awareAt));
  parts.push(row('Owner', i.ownerId ? `user ${i.ownerId}` : '—'), row('Suspect', i.suspect ? `${i.suspect.kind} ${i.suspect.id}` : '—'), row('Window', `${i.windowFrom} – ${i.windowTo ?? 'now'}`));
  parts.push(row('Brands', i.brandIds.join(', ') || '—'), row('Alerts', i.alertIds.join(', ') || '—'), row('Closed', i.closedAt ?? '—'), '</table>');
  if (i.summary) parts.push(`<p>${esc(i.summary)}</p>`);
  parts.push('<h2>Deadlines</h2><table><tr><th>Deadline</th><th>Due</th><th>State</th></tr>');
  for (const c of i.clocks) parts.push(`<tr><td>${esc(c.label)}</td><td>${esc(c.dueAt)}</td><td class="${c.state.status}">${esc(clockLine(c))}</td></tr>`);
  parts.push('</table><h2>Tasks</h2><ul class="tasks">');
  for (const t of i.tasks) parts.push(`<li>${t.doneAt ? '☑' : '☐'} ${esc(t.title)}${t.doneAt ? ` <span class="meta">(done ${esc(t.doneAt)} by ${esc(t.doneBy ?? '')})</span>` : ''}</li>`);
  parts.push('</ul><h2>Containment actions</h2>');
  const acts = actions(timeline);
  parts.push(acts.length === 0 ? '<p>None recorded.</p>' : `<ul>${acts.map((a) => `<li>${esc(a.at)} — ${esc(a.text)} (by ${esc(a.actor ?? '')})</li>`).join('')}</ul>`);
  parts.push('<h2>Blast radius</h2>');
  if (!blast) parts.push('<p>No suspect actor: no blast radius.</p>');
  else {
    parts.push(`<p>Actor ${esc(`${blast.actor.kind} ${blast.actor.id}`)}, ${esc(blast.from)} – ${esc(blast.to)}: ${blast.totalRecords} record(s) touched, ${blast.deniedAttempts} attempt(s) refused.</p>`);
    parts.push('<table><tr><th>Brand</th><th>Calls</th><th>Payments</th><th>Customers</th></tr>');
    for (const b of blast.brands) parts.push(`<tr><td>${esc(b.brandId)}</td><td>${b.calls}</td><td>${b.payments}</td><td>${b.customers}</td></tr>`);
    parts.push('</table>');
    const records = blast.brands.flatMap((b) => b.records.map((r) => ({ brand: b.brandId, ...r })));
    if (records.length > 0) {
      parts.push('<table><tr><th>Brand</th><th>Record</th><th>Actions</th><th>Events</th><th>First</th><th>Last</th></tr>');
      for (const r of records.slice(0, REPORT_RECORDS)) {
        parts.push(`<tr><td>${esc(r.brand)}</td><td>${esc(`${r.type} ${r.id}`)}</td><td>${esc(r.actions.join(' '))}</td><td>${r.events}</td><td>${esc(r.firstAt)}</td><td>${esc(r.lastAt)}</td></tr>`);
      }
      parts.push('</table>');
      if (records.length > REPORT_RECORDS) parts.push(`<p>…and ${records.length - REPORT_RECORDS} more in the CSV export.</p>`);
    }
  }
  parts.push('<h2>Timeline</h2><table><tr><th>When</th><th>What</th><th>Entry</th><th>Who</th></tr>');
  for (const e of timeline) parts.push(`<tr><td>${esc(e.at)}</td><td>${esc(e.kind)}</td><td>${esc(e.text)}${e.ref ? ` <span class="meta">${esc(e.ref)}</span>` : ''}</td><td>${esc(e.actor ?? '')}</td></tr>`);
  parts.push('</table>');
  const css =
    'body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:60rem;color:#111}table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}' +
    'th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}th{background:#f3f3f3}.kv th{width:12rem}.meta{color:#555;font-size:12px}' +
    '.overdue,.met_late{color:#a00;font-weight:600}.met{color:#060}ul.tasks{list-style:none;padding-left:0}@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}}';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Incident ${i.number} report</title><style>${css}</style></head><body>${parts.join('')}</body></html>\n`;
}
