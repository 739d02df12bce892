import type { Queryable } from '../db/types.js';

/** Kinds of record that hold customer data, as the audit trail names their targets. */
const CUSTOMER_RECORDS = ['call', 'recording', 'transcript', 'payment', 'card', 'token', 'customer', 'subject'] as const;

export interface TouchedRecord {
  type: string;
  id: string;
  /** Actions done to it (e.g. call.read, call.export), each once. */
  actions: string[];
  events: number;
  firstAt: string;
  lastAt: string;
}

export interface BrandBlast {
  brandId: string;
  calls: number;
  payments: number;
  customers: number;
  records: TouchedRecord[];
}

export interface BlastRadius {
  actor: { kind: string; id: string };
  from: string;
  to: string;
  brands: BrandBlast[];
  totalRecords: number;
  /** Attempts refused (the actor tried but was not let in): worth knowing, not exposure. */
  deniedAttempts: number;
}

const group = (type: string): 'calls' | 'payments' | 'customers' =>
  type === 'payment' || type === 'card' || type === 'token' ? 'payments' : type === 'customer' || type === 'subject' ? 'customers' : 'calls';

/**
 * Which customers' records, calls and payments an actor (user or API key) touched in a window,
 * per brand, from the audit trail: every successful action on a record that holds customer data.
 * Ids only — what a brand needs to find and notify the people behind them.
 */
export async function blastRadius(q: Queryable, actor: { kind: string; id: string }, from: Date, to: Date): Promise<BlastRadius> {
  const { rows } = await q.query<{ brand_id: string | null; target_type: string; target_id: string; actions: string[]; events: number; first_at: Date; last_at: Date }>(
    `SELECT brand_id, target_type, target_id, array_agg(DISTINCT action ORDER BY action) AS actions, count(*)::int AS events, min(at) AS first_at, max(at) AS last_at
       FROM audit_events
      WHERE actor_kind = $1 AND actor_id = $2 AND at >= $3 AND at <= $4 AND outcome = 'success'
        AND target_type = ANY($5::text[])
      GROUP BY brand_id, target_type, target_id
      ORDER BY brand_id, target_type, min(at), target_id`,
    [actor.kind, actor.id, from, to, [...CUSTOMER_RECORDS]],
  );
  const denied = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_events WHERE actor_kind = $1 AND actor_id = $2 AND at >= $3 AND at <= $4 AND outcome = 'denied'`,
    [actor.kind, actor.id, from, to],
  );
  const brands = new Map<string, BrandBlast>();
  for (const r of rows) {
    const brandId = r.brand_id ?? 'installation';
    let b = brands.get(brandId);
    if (!b) brands.set(brandId, (b = { brandId, calls: 0, payments: 0, customers: 0, records: [] }));
    b[group(r.target_type)]++;
    b.records.push({ type: r.target_type, id: r.target_id, actions: r.actions, events: Number(r.events), firstAt: new Date(r.first_at).toISOString(), lastAt: new Date(r.last_at).toISOString() });
  }
  return {
    actor,
    from: from.toISOString(),
    to: to.toISOString(),
    brands: [...brands.values()],
    totalRecords: rows.length,
    deniedAttempts: Number(denied.rows[0]?.n ?? 0),
  };
}

const csvCell = (v: string | number): string => (/[",\n\r]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));

/** One row per record touched, for the brands to notify from (RFC 4180 CSV). */
export function blastRadiusCsv(b: BlastRadius): string {
  const lines = ['brand_id,record_type,record_id,actions,events,first_at,last_at'];
  for (const brand of b.brands) {
    for (const r of brand.records) lines.push([brand.brandId, r.type, r.id, r.actions.join(' '), r.events, r.firstAt, r.lastAt].map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
