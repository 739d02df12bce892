import { createHash } from 'node:crypto';
import type { Queryable } from '../db/types.js';
import { canonicalJson } from './canonical.js';
import * as chains from './chain-store.js';
import { frontierAppend, frontierRoot, merkleRoot, peakCount } from './merkle.js';
import { signBytes, type SigningKeys } from './signing.js';

/**
 * A checkpoint commits to the events (fromSeq, toSeq] of one chain with an RFC 9162 Merkle root,
 * to the previous checkpoint through prevDigest, and is signed with Ed25519. Rewriting history
 * then needs the signing key, which only the vault can unseal.
 */
export function checkpointBytes(c: Omit<chains.CheckpointRow, 'signature'>): Buffer {
  return Buffer.from(
    canonicalJson({
      // v2 also signs the tree head over the whole chain (events 1..toSeq).
      format: c.treeRoot ? 'callvault.audit.checkpoint.v2' : 'callvault.audit.checkpoint.v1',
      chain: c.chainId,
      fromSeq: c.fromSeq,
      toSeq: c.toSeq,
      root: c.root.toString('hex'),
      at: c.at.toISOString(),
      prev: c.prevDigest.toString('hex'),
      keyId: c.keyId,
      ...(c.treeRoot && { treeRoot: c.treeRoot.toString('hex'), treeSize: c.toSeq }),
    }),
    'utf8',
  );
}

/** The chain's frontier at its head, rebuilt from stored hashes when the row predates tree heads. */
export async function currentFrontier(tx: Queryable, head: chains.ChainHead): Promise<Buffer[]> {
  if (head.frontier.length === peakCount(head.headSeq)) return head.frontier;
  let peaks: Buffer[] = [];
  let n = 0;
  for (const h of await chains.eventHashesBetween(tx, head.chainId, 0, head.headSeq)) peaks = frontierAppend(peaks, n++, h.hash);
  return peaks;
}

/** Digest a checkpoint is chained by: SHA-256 of its signed bytes and signature. */
export function checkpointDigest(c: chains.CheckpointRow): Buffer {
  return createHash('sha256').update(checkpointBytes(c)).update(c.signature).digest();
}

/** Writes a checkpoint over everything after the previous one, in `tx` (the head must be locked). */
export async function writeCheckpoint(
  tx: Queryable,
  keys: SigningKeys,
  head: chains.ChainHead,
  at: Date,
  /** Hashes the caller just wrote (seqs firstSeq..headSeq): only older ones are read back. */
  known?: { firstSeq: number; hashes: readonly Buffer[] },
): Promise<chains.CheckpointRow | undefined> {
  if (head.headSeq <= head.checkpointSeq) return undefined;
  const fromDb = known ? Math.min(known.firstSeq - 1, head.headSeq) : head.headSeq;
  const older = fromDb > head.checkpointSeq ? await chains.eventHashesBetween(tx, head.chainId, head.checkpointSeq, fromDb) : [];
  const recent = known ? known.hashes.slice(Math.max(0, head.checkpointSeq + 1 - known.firstSeq)) : [];
  const hashes = [...older.map((h) => h.hash), ...recent];
  if (hashes.length !== head.headSeq - head.checkpointSeq) throw new Error('audit checkpoint range is incomplete');
  const previous = await chains.lastCheckpoint(tx, head.chainId);
  const key = await keys.current(tx);
  const unsigned = {
    chainId: head.chainId,
    fromSeq: head.checkpointSeq,
    toSeq: head.headSeq,
    root: merkleRoot(hashes),
    at,
    prevDigest: previous ? checkpointDigest(previous) : Buffer.alloc(32),
    keyId: key.id,
    treeRoot: frontierRoot(await currentFrontier(tx, head)),
  };
  const row = { ...unsigned, signature: signBytes(key.privateKey, checkpointBytes(unsigned)) };
  await chains.insertCheckpoint(tx, row);
  return row;
}
