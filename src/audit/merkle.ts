import { createHash } from 'node:crypto';

/**
 * Merkle tree hashing, inclusion and consistency proofs exactly as RFC 9162 §2.1 (Certificate
 * Transparency v2): leaf = SHA-256(0x00 || data), node = SHA-256(0x01 || left || right), split at
 * the largest power of two smaller than n. Our leaves' data are the 32-byte audit event hashes.
 */
const sha256 = (...parts: Buffer[]): Buffer => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};
const LEAF = Buffer.from([0x00]);
const NODE = Buffer.from([0x01]);

export const leafHash = (data: Buffer): Buffer => sha256(LEAF, data);
export const nodeHash = (left: Buffer, right: Buffer): Buffer => sha256(NODE, left, right);

/** Largest power of two strictly smaller than n (n >= 2). */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH over already-hashed leaves (RFC 9162 §2.1.1). */
function mth(leaves: readonly Buffer[], from: number, to: number): Buffer {
  const n = to - from;
  if (n === 0) return sha256();
  if (n === 1) return leaves[from] as Buffer;
  const k = split(n);
  return nodeHash(mth(leaves, from, from + k), mth(leaves, from + k, to));
}

/** Root of the tree whose leaves hold `data` (each item is hashed as a leaf). */
export function merkleRoot(data: readonly Buffer[]): Buffer {
  return mth(data.map(leafHash), 0, data.length);
}

/** PATH(m, D[n]) of RFC 9162 §2.1.3.1: the audit path of leaf `index`. */
export function inclusionProof(data: readonly Buffer[], index: number): Buffer[] {
  if (!Number.isInteger(index) || index < 0 || index >= data.length) throw new RangeError('leaf index outside the tree');
  const leaves = data.map(leafHash);
  const path = (m: number, from: number, to: number): Buffer[] => {
    const n = to - from;
    if (n === 1) return [];
    const k = split(n);
    return m < k ? [...path(m, from, from + k), mth(leaves, from + k, to)] : [...path(m - k, from + k, to), mth(leaves, from, from + k)];
  };
  return path(index, 0, leaves.length);
}

/** RFC 9162 §2.1.3.2: does `proof` show leaf data `leaf` at `index` in a tree of `size` with `root`? */
export function verifyInclusion(leaf: Buffer, index: number, size: number, proof: readonly Buffer[], root: Buffer): boolean {
  if (!Number.isInteger(index) || !Number.isInteger(size) || index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leafHash(leaf);
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
}

/** PROOF(m, D[n]) of RFC 9162 §2.1.4.1: shows the first `m` leaves' tree is a prefix of the whole. */
export function consistencyProof(data: readonly Buffer[], m: number): Buffer[] {
  if (!Number.isInteger(m) || m < 1 || m > data.length) throw new RangeError('old size must be 1..n');
  const leaves = data.map(leafHash);
  const sub = (m: number, from: number, to: number, complete: boolean): Buffer[] => {
    const n = to - from;
    if (m === n) return complete ? [] : [mth(leaves, from, to)];
    const k = split(n);
    return m <= k
      ? [...sub(m, from, from + k, complete), mth(leaves, from + k, to)]
      : [...sub(m - k, from + k, to, false), mth(leaves, from, from + k)];
  };
  return sub(m, 0, leaves.length, true);
}

/** RFC 9162 §2.1.4.2: is the tree (size1, root1) a prefix of (size2, root2)? */
export function verifyConsistency(size1: number, size2: number, root1: Buffer, root2: Buffer, proof: readonly Buffer[]): boolean {
  if (!Number.isInteger(size1) || !Number.isInteger(size2) || size1 < 1 || size2 < size1) return false;
  if (size1 === size2) return proof.length === 0 && root1.equals(root2);
  if (proof.length === 0) return false;
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : [...proof];
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0] as Buffer;
  let sr = path[0] as Buffer;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && fr.equals(root1) && sr.equals(root2);
}

function isPowerOfTwo(n: number): boolean {
  return n > 0 && (n & (n - 1)) === 0;
}

/**
 * The compact state of an append-only RFC 9162 tree: the roots of its perfect subtrees, largest
 * first (one per set bit of the size). Appending a leaf is O(log n) and the tree head follows
 * without re-reading old leaves, so every checkpoint can sign the root of the whole chain.
 */
export function frontierAppend(peaks: readonly Buffer[], size: number, leafData: Buffer): Buffer[] {
  const out = [...peaks];
  let node = leafHash(leafData);
  // Merge while the new subtree has the same height as the last peak (the trailing 1-bits of size).
  for (let s = size; s % 2 === 1; s = Math.floor(s / 2)) node = nodeHash(out.pop() as Buffer, node);
  out.push(node);
  return out;
}

/** Root of the tree whose frontier is `peaks` (equals merkleRoot over all its leaves). */
export function frontierRoot(peaks: readonly Buffer[]): Buffer {
  if (peaks.length === 0) return createHash('sha256').digest();
  let acc = peaks[peaks.length - 1] as Buffer;
  for (let i = peaks.length - 2; i >= 0; i--) acc = nodeHash(peaks[i] as Buffer, acc);
  return acc;
}

/** Number of peaks a tree of `size` leaves has (its set bits). */
export function peakCount(size: number): number {
  let n = 0;
  for (let s = size; s > 0; s = Math.floor(s / 2)) n += s % 2;
  return n;
}
