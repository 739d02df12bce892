import type { RequestCallRow } from './data.js';
import type { SubjectRequestView } from './types.js';

/**
 * The closing certificate of a data-subject request: what was asked, found, exported, erased and
 * held, when, by whom, and the audit events (chain and position, hash) that record each step — so
 * an auditor can check it against the verified trail. It carries no identifier of the subject.
 */
export type Certificate = {
  format: 'callvault.subject-request-certificate';
  version: 1;
  requestId: string;
  requestNumber: number;
  brandId: string;
  regime: string;
  kind: string;
  outcome: string;
  rejected: boolean;
  identifierTypes: Record<string, number>;
  dates: { receivedAt: string; firstDueAt: string; dueAt: string; foundAt: string | null; exportedAt: string | null; erasedAt: string | null; closedAt: string | null; generatedAt: string };
  onTime: boolean;
  extensions: { position: number; previousDueAt: string; newDueAt: string; extendedBy: string; extendedAt: string }[];
  found: { calls: number };
  exported: { calls: number; callIds: string[] };
  erased: { calls: number; callIds: string[]; keysDestroyed: number; paymentTokensDestroyed: number };
  held: { callId: string; holdId: string | null }[];
  actors: { createdBy: string; closedBy: string | null; actedBy: string[] };
  auditEvents: { chainId: string; seq: number; at: string; action: string; actor: string; target: string | null; hash: string }[];
};

type TrailRow = { chain_id: string; seq: string | number; at: Date; action: string; actor_kind: string; actor_id: string; target_type: string | null; target_id: string | null; hash: Uint8Array };
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function buildCertificate(v: SubjectRequestView, trail: readonly TrailRow[], calls: readonly RequestCallRow[], generatedAt: Date): Certificate {
  const by = (o: string) => calls.filter((c) => c.outcome === o);
  const erased = by('erased');
  const events = trail.map((e) => ({
    chainId: e.chain_id,
    seq: Number(e.seq),
    at: new Date(e.at).toISOString(),
    action: e.action,
    actor: `${e.actor_kind}:${e.actor_id}`,
    target: e.target_type ? `${e.target_type}:${e.target_id}` : null,
    hash: Buffer.from(e.hash).toString('hex'),
  }));
  return {
    format: 'callvault.subject-request-certificate',
    version: 1,
    requestId: v.id,
    requestNumber: v.number,
    brandId: v.brandId,
    regime: v.regime,
    kind: v.kind,
    outcome: v.status === 'rejected' ? 'rejected' : v.erasedAt ? 'erased' : v.exportedAt ? 'exported' : 'closed',
    rejected: v.status === 'rejected',
    identifierTypes: { ...v.identifierTypes },
    dates: { receivedAt: v.receivedAt.toISOString(), firstDueAt: v.baseDueAt.toISOString(), dueAt: v.dueAt.toISOString(), foundAt: iso(v.foundAt), exportedAt: iso(v.exportedAt), erasedAt: iso(v.erasedAt), closedAt: iso(v.closedAt), generatedAt: generatedAt.toISOString() },
    onTime: v.closedAt !== null && v.closedAt <= v.dueAt,
    // Reasons are free text and may describe the subject: the certificate gives dates and actors only.
    extensions: v.extensions.map((e) => ({ position: e.position, previousDueAt: e.previousDueAt.toISOString(), newDueAt: e.newDueAt.toISOString(), extendedBy: e.extendedBy, extendedAt: e.extendedAt.toISOString() })),
    found: { calls: calls.length },
    exported: { calls: by('exported').length, callIds: by('exported').map((c) => c.call_id) },
    erased: { calls: erased.length, callIds: erased.map((c) => c.call_id), keysDestroyed: erased.reduce((n, c) => n + (c.keys_destroyed ?? 0), 0), paymentTokensDestroyed: erased.reduce((n, c) => n + (c.tokens_destroyed ?? 0), 0) },
    held: by('held').map((c) => ({ callId: c.call_id, holdId: c.hold_id })),
    actors: { createdBy: v.createdBy, closedBy: v.closedBy, actedBy: [...new Set(events.map((e) => e.actor))] },
    auditEvents: events,
  };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** A printable, self-contained HTML rendering of the certificate (no scripts, inline style). */
export function certificateHtml(c: Certificate): string {
  const row = (k: string, v: string | number | null) => `<tr><th>${esc(k)}</th><td>${esc(v === null ? '—' : String(v))}</td></tr>`;
  const list = (ids: readonly string[]) => (ids.length === 0 ? '<p>None.</p>' : `<ul>${ids.map((i) => `<li><code>${esc(i)}</code></li>`).join('')}</ul>`);
  const label = `${c.regime.toUpperCase()} ${c.kind}`;
  const parts = [
    `<h1>Certificate of completion — data-subject request DSR-${c.requestNumber}</h1>`,
    `<p>This certifies how callvault handled the ${esc(label)} request <code>${esc(c.requestId)}</code> of brand <code>${esc(c.brandId)}</code>. It contains no identifier of the data subject.</p>`,
    '<h2>Request</h2><table>',
    row('Regime and kind', label),
    row('Outcome', c.outcome),
    row('Identifiers given (types)', Object.entries(c.identifierTypes).map(([t, n]) => `${t} × ${n}`).join(', ')),
    row('Received', c.dates.receivedAt),
    row('Statutory deadline', c.dates.firstDueAt),
    row('Deadline (with extensions)', c.dates.dueAt),
    row('Extensions', c.extensions.length),
    row('Found', c.dates.foundAt),
    row('Exported', c.dates.exportedAt),
    row('Erased', c.dates.erasedAt),
    row('Closed', c.dates.closedAt),
    row('Completed on time', c.onTime ? 'yes' : 'no'),
    row('Opened by', c.actors.createdBy),
    row('Closed by', c.actors.closedBy),
    '</table>',
    `<h2>Found</h2><p>${c.found.calls} call(s) mentioned the subject's identifiers.</p>`,
    `<h2>Exported</h2><p>${c.exported.calls} call(s), redacted content only.</p>${list(c.exported.callIds)}`,
    `<h2>Erased</h2><p>${c.erased.calls} call(s) erased; ${c.erased.keysDestroyed} call key(s) destroyed (sealed copies in backups can no longer be read); ${c.erased.paymentTokensDestroyed} payment token(s) destroyed.</p>${list(c.erased.callIds)}`,
    `<h2>Held (not erased)</h2>${c.held.length === 0 ? '<p>None.</p>' : `<ul>${c.held.map((h) => `<li>call <code>${esc(h.callId)}</code> under legal hold <code>${esc(h.holdId ?? '')}</code></li>`).join('')}</ul>`}`,
    '<h2>Audit trail</h2><table><tr><th>Chain · position</th><th>When</th><th>Action</th><th>Actor</th><th>Target</th><th>Event hash</th></tr>',
    ...c.auditEvents.map((e) => `<tr><td>${esc(e.chainId)} · ${e.seq}</td><td>${esc(e.at)}</td><td>${esc(e.action)}</td><td>${esc(e.actor)}</td><td>${esc(e.target ?? '')}</td><td><code>${esc(e.hash.slice(0, 16))}…</code></td></tr>`),
    '</table>',
    `<p class="foot">Generated ${esc(c.dates.generatedAt)}. Verify the events against the audit trail (GET /api/v1/audit/verify).</p>`,
  ];
  const css = 'body{font:14px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;color:#111}table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}code{font-size:12px}.foot{color:#555}';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>DSR-${c.requestNumber} certificate</title><style>${css}</style></head><body>${parts.join('')}</body></html>\n`;
}
