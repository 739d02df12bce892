import { randomUUID } from 'node:crypto';
import { allChainIds, type ChainedAuditLog } from '../audit/index.js';
import type { Db, Queryable } from '../db/types.js';
import { buildDirectory, createDetector, type Alert, type Detector, type DirectoryEntry } from '../detection/index.js';
import { upsertAlerts } from './alerts-data.js';
import { loadDirectory } from './directory-source.js';
import { mergedEvents, toDetectionEvent, type ChainRange } from './event-reader.js';

export interface MonitorOptions {
  db: Db;
  audit: ChainedAuditLog;
  now?: () => Date;
  /** This node's name in the lease (default a random id per process). */
  holder?: string;
  /** A holder that stops renewing loses the lease after this long; another node takes over. */
  leaseSeconds?: number;
  /** History replayed (without raising anything) to rebuild baselines when a node takes over. */
  warmupDays?: number;
  /** Events scored per transaction (alerts and cursors commit together). */
  batch?: number;
  /** Called after commit with the alerts that are new (auto-open incidents, notifications). */
  onRaised?: (alerts: Alert[]) => Promise<void>;
}

export interface ScanResult {
  /** False when another node holds the lease (this one scored nothing). */
  held: boolean;
  scored: number;
  raised: number;
  /** Events replayed to rebuild baselines on takeover. */
  warmedUp: number;
}

export interface DetectionMonitor {
  scan(): Promise<ScanResult>;
  /** Gives the lease up (clean shutdown), so another node takes over at once. */
  release(): Promise<void>;
}

const SYSTEM_ACTOR = { kind: 'system', id: 'detection' } as const;
const DIRECTORY_REFRESH_MS = 60_000;

/**
 * Continuous detection over the audit trail. Every node may run it; a lease in the database lets
 * one score at a time, and per-chain cursors committed with the alerts make each event scored
 * once. Baselines live in memory: a node that takes over replays the last weeks first, raising
 * nothing (those events were scored already), then goes on from the cursors.
 */
export function createDetectionMonitor(opts: MonitorOptions): DetectionMonitor {
  const { db, audit } = opts;
  const now = opts.now ?? (() => new Date());
  const holder = opts.holder ?? `node-${randomUUID()}`;
  const leaseMs = (opts.leaseSeconds ?? 60) * 1000;
  const warmupMs = (opts.warmupDays ?? 28) * 86_400_000;
  const batch = opts.batch ?? 1000;
  const directory = new Map<string, DirectoryEntry>();
  let directoryAt = 0;
  let detector: Detector | null = null;
  let lastAt = 0;

  async function takeLease(): Promise<boolean> {
    const t = now();
    const { rows } = await db.query<{ holder: string }>(
      `INSERT INTO detection_lease (id, holder, expires_at) VALUES (1, $1, $2)
       ON CONFLICT (id) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
        WHERE detection_lease.holder = EXCLUDED.holder OR detection_lease.expires_at < $3
       RETURNING holder`,
      [holder, new Date(t.getTime() + leaseMs), t],
    );
    return rows[0]?.holder === holder;
  }

  async function refreshDirectory(): Promise<void> {
    if (Date.now() - directoryAt < DIRECTORY_REFRESH_MS && directory.size > 0) return;
    // The detector reads entries when it first meets an actor, so the same map is refreshed in place.
    for (const [k, v] of buildDirectory(await loadDirectory(db))) directory.set(k, v);
    directoryAt = Date.now();
  }

  async function cursors(): Promise<Map<string, number>> {
    const { rows } = await db.query<{ chain_id: string; seq: string | number }>('SELECT chain_id, seq FROM detection_cursors');
    return new Map(rows.map((r) => [r.chain_id, Number(r.seq)]));
  }

  /** Events must reach the detector in time order; across chains commits may land slightly out of it. */
  function observe(d: Detector, e: ReturnType<typeof toDetectionEvent>): Alert[] {
    if (e.at < lastAt) e.at = lastAt;
    lastAt = e.at;
    return d.observe(e);
  }

  async function warmUp(positions: Map<string, number>): Promise<{ detector: Detector; events: number }> {
    const d = createDetector({ directory });
    lastAt = 0;
    const ranges: ChainRange[] = [...positions].map(([chainId, seq]) => ({ chainId, after: 0, toSeq: seq }));
    let events = 0;
    for await (const e of mergedEvents(db, ranges, { since: new Date(now().getTime() - warmupMs) })) {
      observe(d, toDetectionEvent(e));
      events++;
    }
    d.takeChanged(); // already stored by whoever scored them
    return { detector: d, events };
  }

  async function commit(d: Detector, advanced: Map<string, number>): Promise<Alert[]> {
    const changed = d.takeChanged();
    return db.transaction(async (tx) => {
      // The lease may have run out mid-batch: only its holder may move the cursors.
      const lease = await tx.query<{ holder: string }>('SELECT holder FROM detection_lease WHERE id = 1 FOR UPDATE');
      if (lease.rows[0]?.holder !== holder) throw new LeaseLost();
      const t = now();
      const fresh = await upsertAlerts(tx, changed, t);
      for (const [chainId, seq] of advanced) {
        await tx.query(
          `INSERT INTO detection_cursors (chain_id, seq, updated_at) VALUES ($1, $2, $3)
           ON CONFLICT (chain_id) DO UPDATE SET seq = EXCLUDED.seq, updated_at = EXCLUDED.updated_at`,
          [chainId, seq, t],
        );
      }
      const raised = changed.filter((a) => fresh.has(a.id));
      for (const a of raised) await recordRaised(tx, a);
      return raised;
    });
  }

  /** The alert itself enters the trail (ids and rules only), in each brand's chain it concerns. */
  async function recordRaised(tx: Queryable, a: Alert): Promise<void> {
    const brands = a.brandIds.length > 0 ? [...a.brandIds].sort() : [null];
    for (const brandId of brands) {
      await audit.append(tx, {
        actor: SYSTEM_ACTOR,
        action: 'alert.raise',
        brandId,
        outcome: 'success',
        target: { type: 'alert', id: a.id },
        details: { actorKind: a.actor.kind, actorId: a.actor.id, severity: a.severity, score: a.score, rules: a.rules.join(',') },
      });
    }
  }

  return {
    async scan() {
      const result: ScanResult = { held: false, scored: 0, raised: 0, warmedUp: 0 };
      if (!(await takeLease())) {
        detector = null; // someone else scores: our baselines will be stale when we take over
        return result;
      }
      result.held = true;
      await refreshDirectory();
      const positions = await cursors();
      for (const chainId of await allChainIds(db)) if (!positions.has(chainId)) positions.set(chainId, 0);
      if (!detector) {
        const warm = await warmUp(positions);
        detector = warm.detector;
        result.warmedUp = warm.events;
      }
      const d = detector;
      const advanced = new Map<string, number>();
      const raised: Alert[] = [];
      try {
        let inBatch = 0;
        for await (const e of mergedEvents(db, [...positions].map(([chainId, after]) => ({ chainId, after })))) {
          observe(d, toDetectionEvent(e));
          advanced.set(e.chainId, e.seq);
          result.scored++;
          if (++inBatch >= batch) {
            raised.push(...(await commit(d, advanced)));
            advanced.clear();
            inBatch = 0;
          }
        }
        if (advanced.size > 0) raised.push(...(await commit(d, advanced)));
      } catch (err) {
        detector = null; // fed events that did not commit: rebuild from what did
        if (err instanceof LeaseLost) return { ...result, held: false };
        throw err;
      }
      result.raised = raised.length;
      if (raised.length > 0 && opts.onRaised) await opts.onRaised(raised);
      return result;
    },
    async release() {
      await db.query('DELETE FROM detection_lease WHERE id = 1 AND holder = $1', [holder]);
      detector = null;
    },
  };
}

class LeaseLost extends Error {}
