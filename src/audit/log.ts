import type { Db, Queryable } from '../db/types.js';
import type { VaultService } from '../vault/vault.js';
import { eventHash, type ChainedEvent } from './canonical.js';
import * as chains from './chain-store.js';
import { currentFrontier, writeCheckpoint } from './checkpoint.js';
import { frontierAppend } from './merkle.js';
import { createSigningKeys, type SigningKeys } from './signing.js';
import type { AuditEventInput, AuditLog } from './types.js';

/** Chain of installation-wide events (brandId null). Brand ids are UUIDs, so it cannot collide. */
export const INSTALLATION_CHAIN = 'installation';

export const chainIdOf = (brandId: string | null): string => brandId ?? INSTALLATION_CHAIN;

export interface AuditLogOptions {
  vault: VaultService;
  /** A signed checkpoint is written once this many events are not yet covered. */
  checkpointEvery: number;
  now?: () => Date;
}

export interface ChainedAuditLog extends AuditLog {
  readonly signingKeys: SigningKeys;
  /** Appends in a transaction of its own: for events that must persist though the action fails (denials). */
  record(db: Db, event: AuditEventInput): Promise<void>;
  /** Writes a checkpoint for `chainId` now if it has uncovered events. */
  checkpoint(db: Db, chainId: string): Promise<boolean>;
  /** Checkpoints every chain whose uncovered events are older than `seconds` (run on a timer). */
  checkpointStale(db: Db, seconds: number): Promise<number>;
}

/** Who/what/where checks that keep data out of the trail: ids and short codes only. */
function normalize(e: AuditEventInput): Omit<ChainedEvent, 'chainId' | 'seq' | 'at' | 'prevHash'> {
  if (!/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/.test(e.action)) throw new TypeError('audit action must be a dotted lowercase verb');
  return {
    brandId: e.brandId,
    actor: { kind: e.actor.kind, id: e.actor.id } as ChainedEvent['actor'],
    action: e.action,
    target: e.target ? { type: e.target.type, id: e.target.id } : null,
    outcome: e.outcome,
    ip: e.ip ?? null,
    userAgent: e.userAgent?.slice(0, 512) ?? null,
    requestId: e.requestId ?? null,
    details: e.details ?? {},
  };
}

export function createAuditLog(opts: AuditLogOptions): ChainedAuditLog {
  const now = opts.now ?? (() => new Date());
  const signingKeys = createSigningKeys(opts.vault);

  async function appendToChain(tx: Queryable, chainId: string, inputs: readonly AuditEventInput[]): Promise<number> {
    const head = await chains.lockHead(tx, chainId);
    let prev = head.headHash;
    let seq = head.headSeq;
    let frontier = await currentFrontier(tx, head);
    const at = now();
    const stored = inputs.map((input) => {
      const e: ChainedEvent = { ...normalize(input), chainId, seq: ++seq, at, prevHash: prev };
      const hash = eventHash(e);
      frontier = frontierAppend(frontier, e.seq - 1, hash);
      prev = hash;
      return { ...e, hash };
    });
    await chains.appendEvents(tx, chainId, stored, frontier);
    if (seq - head.checkpointSeq >= opts.checkpointEvery) {
      const known = { firstSeq: head.headSeq + 1, hashes: stored.map((e) => e.hash) };
      await writeCheckpoint(tx, signingKeys, { ...head, headSeq: seq, headHash: prev, frontier }, at, known);
    }
    return seq;
  }

  const log: ChainedAuditLog = {
    signingKeys,
    async append(tx, event) {
      await appendToChain(tx, chainIdOf(event.brandId), [event]);
    },
    async appendMany(tx, events) {
      const byChain = new Map<string, AuditEventInput[]>();
      for (const e of events) {
        const id = chainIdOf(e.brandId);
        byChain.set(id, [...(byChain.get(id) ?? []), e]);
      }
      // Heads locked in one global order, so two batches touching the same chains cannot deadlock.
      for (const chainId of [...byChain.keys()].sort()) await appendToChain(tx, chainId, byChain.get(chainId) ?? []);
    },
    async record(db, event) {
      await db.transaction((tx) => log.append(tx, event));
    },
    async checkpoint(db, chainId) {
      return db.transaction(async (tx) => {
        const head = await chains.lockHead(tx, chainId);
        return (await writeCheckpoint(tx, signingKeys, head, now())) !== undefined;
      });
    },
    async checkpointStale(db, seconds) {
      let written = 0;
      for (const chainId of await chains.staleChains(db, seconds)) if (await log.checkpoint(db, chainId)) written++;
      return written;
    },
  };
  opts.vault.recordKeyEventsIn(log);
  return log;
}
