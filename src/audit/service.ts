import { brandsAllowed, type Principal } from '../access/principal.js';
import type { Db } from '../db/types.js';
import { CallvaultError } from '../errors.js';
import { authorize, eventContext, recordAlone } from './authorize.js';
import * as chains from './chain-store.js';
import { formatEvent, toView, type AuditEventView, type ExportFormat } from './formats.js';
import { chainIdOf, type ChainedAuditLog } from './log.js';
import { consistencyProof, inclusionProof } from './merkle.js';
import { verifyChain, verifyChains, type VerifyReport } from './verify.js';

export interface EventFilter {
  brandId?: string;
  actorId?: string;
  action?: string;
  from?: Date;
  to?: Date;
  /** Page size, 1..500 (default 100). */
  limit?: number;
  /** Cursor from a previous page's nextBefore. */
  before?: string;
}

export interface InclusionProofView {
  chainId: string;
  seq: number;
  eventHash: string;
  checkpoint: { fromSeq: number; toSeq: number; root: string; at: string; keyId: string; signature: string };
  /** Leaf index within the checkpoint's tree and that tree's size (RFC 9162 §2.1.3). */
  leafIndex: number;
  treeSize: number;
  proof: string[];
}

export interface SignedTreeHead {
  treeSize: number;
  treeRoot: string;
  at: string;
  keyId: string;
  signature: string;
}

/** RFC 9162 §2.1.4: the chain at `from.treeSize` is a prefix of the chain at `to.treeSize`. */
export interface ConsistencyProofView {
  chainId: string;
  from: SignedTreeHead;
  to: SignedTreeHead;
  proof: string[];
}

/** Reading, verifying and exporting the trail: each is permission-checked and itself audited. */
export interface AuditService {
  listEvents(principal: Principal, filter: EventFilter): Promise<{ items: AuditEventView[]; nextBefore: string | null }>;
  /** brandId null: every chain (installation-wide permission needed). */
  verify(principal: Principal, brandId: string | null): Promise<VerifyReport>;
  exportEvents(principal: Principal, opts: { brandId?: string; since?: Date; format: ExportFormat }): AsyncGenerator<string>;
  proveInclusion(principal: Principal, brandId: string | null, seq: number): Promise<InclusionProofView | null>;
  /** Between two checkpoints (their last seqs): shows the later one only appended to the earlier. */
  proveConsistency(principal: Principal, brandId: string | null, fromSeq: number, toSeq: number): Promise<ConsistencyProofView | null>;
}

const treeHead = (c: chains.CheckpointRow): SignedTreeHead => ({
  treeSize: c.toSeq,
  treeRoot: (c.treeRoot as Buffer).toString('hex'),
  at: c.at.toISOString(),
  keyId: c.keyId,
  signature: c.signature.toString('base64'),
});

const cursorOf = (v: AuditEventView): string => Buffer.from(`${v.at}|${v.chainId}|${v.seq}`).toString('base64url');
function parseCursor(c: string): [string, string, number] {
  const [at, chain, seq] = Buffer.from(c, 'base64url').toString('utf8').split('|');
  if (!at || !chain || !seq || Number.isNaN(Date.parse(at)) || !/^\d+$/.test(seq)) {
    throw new CallvaultError('invalid_input', 'audit.bad_cursor', 'the page cursor is not valid');
  }
  return [at, chain, Number(seq)];
}

export function createAuditService(deps: { db: Db; audit: ChainedAuditLog }): AuditService {
  const { db, audit } = deps;

  /** Which brands' chains the principal may read: null = all (including the installation chain). */
  async function readableBrands(principal: Principal, brandId: string | undefined, permission: 'audit.read' | 'audit.export', action: string): Promise<string[] | null> {
    if (brandId !== undefined) {
      await authorize(deps, principal, permission, brandId, { action });
      return [brandId];
    }
    const brands = brandsAllowed(principal, permission);
    if (brands !== null && brands.length === 0) await authorize(deps, principal, permission, null, { action });
    return brands;
  }

  return {
    async listEvents(principal, filter) {
      const brands = await readableBrands(principal, filter.brandId, 'audit.read', 'audit.read');
      const limit = Math.min(Math.max(filter.limit ?? 100, 1), 500);
      const cursor = filter.before ? parseCursor(filter.before) : null;
      return db.transaction(async (tx) => {
        const { rows } = await tx.query<Record<string, unknown>>(
          `SELECT * FROM audit_events
           WHERE ($1::text[] IS NULL OR brand_id = ANY($1::text[]))
             AND ($2::text IS NULL OR actor_id = $2) AND ($3::text IS NULL OR action = $3)
             AND ($4::timestamptz IS NULL OR at >= $4) AND ($5::timestamptz IS NULL OR at < $5)
             AND ($6::timestamptz IS NULL OR (at, chain_id, seq) < ($6, $7, $8))
           ORDER BY at DESC, chain_id DESC, seq DESC LIMIT $9`,
          [
            brands,
            filter.actorId ?? null,
            filter.action ?? null,
            filter.from?.toISOString() ?? null,
            filter.to?.toISOString() ?? null,
            cursor?.[0] ?? null,
            cursor?.[1] ?? null,
            cursor?.[2] ?? null,
            limit,
          ],
        );
        const items = rows.map((r) => toView(chains.rowToEvent(r)));
        // Reading the trail is itself an event (PCI DSS 10.2.1.3), committed with the read.
        await audit.append(tx, {
          ...eventContext(principal),
          action: 'audit.read',
          brandId: filter.brandId ?? null,
          outcome: 'success',
          details: { returned: items.length, ...(filter.actorId && { actorId: filter.actorId }), ...(filter.action && { filterAction: filter.action }) },
        });
        const last = items[items.length - 1];
        return { items, nextBefore: items.length === limit && last ? cursorOf(last) : null };
      });
    },
    async verify(principal, brandId) {
      await authorize(deps, principal, 'audit.verify', brandId, { action: 'audit.verify' });
      const report = brandId === null ? await verifyChains(db, audit.signingKeys) : await verifyChain(db, audit.signingKeys, chainIdOf(brandId));
      await recordAlone(deps, {
        ...eventContext(principal),
        action: 'audit.verify',
        brandId,
        outcome: 'success',
        details: { ok: report.ok, events: report.events, problems: report.problems.length },
      });
      return report;
    },
    async *exportEvents(principal, opts) {
      const brands = await readableBrands(principal, opts.brandId, 'audit.export', 'audit.export');
      await recordAlone(deps, { ...eventContext(principal), action: 'audit.export', brandId: opts.brandId ?? null, outcome: 'success', details: { format: opts.format } });
      const chainIds = brands === null ? await chains.allChainIds(db) : brands.map(chainIdOf);
      for (const chainId of chainIds) {
        for (let after = 0; ; ) {
          const page = await chains.eventsAfter(db, chainId, after, 1000);
          for (const e of page) if (!opts.since || e.at >= opts.since) yield formatEvent(toView(e), opts.format);
          if (page.length < 1000) break;
          after = page[page.length - 1]?.seq ?? after;
        }
      }
    },
    async proveInclusion(principal, brandId, seq) {
      await authorize(deps, principal, 'audit.verify', brandId, { action: 'audit.prove' });
      const chainId = chainIdOf(brandId);
      const cp = (await chains.checkpointsOf(db, chainId)).find((c) => c.fromSeq < seq && c.toSeq >= seq);
      if (!cp) return null; // not yet covered by a checkpoint
      const hashes = await chains.eventHashesBetween(db, chainId, cp.fromSeq, cp.toSeq);
      const index = hashes.findIndex((h) => h.seq === seq);
      const leaf = hashes[index];
      if (!leaf) return null;
      await recordAlone(deps, { ...eventContext(principal), action: 'audit.prove', brandId, outcome: 'success', details: { seq } });
      return {
        chainId,
        seq,
        eventHash: leaf.hash.toString('hex'),
        checkpoint: { fromSeq: cp.fromSeq, toSeq: cp.toSeq, root: cp.root.toString('hex'), at: cp.at.toISOString(), keyId: cp.keyId, signature: cp.signature.toString('base64') },
        leafIndex: index,
        treeSize: hashes.length,
        proof: inclusionProof(hashes.map((h) => h.hash), index).map((p) => p.toString('hex')),
      };
    },
    async proveConsistency(principal, brandId, fromSeq, toSeq) {
      await authorize(deps, principal, 'audit.verify', brandId, { action: 'audit.prove' });
      const chainId = chainIdOf(brandId);
      const cps = await chains.checkpointsOf(db, chainId);
      const from = cps.find((c) => c.toSeq === fromSeq && c.treeRoot);
      const to = cps.find((c) => c.toSeq === toSeq && c.treeRoot);
      if (!from || !to || fromSeq > toSeq) return null;
      const hashes = (await chains.eventHashesBetween(db, chainId, 0, toSeq)).map((h) => h.hash);
      await recordAlone(deps, { ...eventContext(principal), action: 'audit.prove', brandId, outcome: 'success', details: { fromSeq, toSeq } });
      return { chainId, from: treeHead(from), to: treeHead(to), proof: consistencyProof(hashes, fromSeq).map((p) => p.toString('hex')) };
    },
  };
}
