import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consistencyProof, inclusionProof, leafHash, merkleRoot, nodeHash, verifyConsistency, verifyInclusion } from './merkle.js';

const leaves = (n: number): Buffer[] => Array.from({ length: n }, (_, i) => Buffer.from(`event-${i}`));
const flip = (b: Buffer): Buffer => {
  const c = Buffer.from(b);
  c[0] = (c[0] ?? 0) ^ 1;
  return c;
};

describe('RFC 9162 Merkle tree', () => {
  it('hashes like Certificate Transparency (known vectors)', () => {
    expect(merkleRoot([]).toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(merkleRoot([Buffer.alloc(0)]).toString('hex')).toBe('6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d');
    // Three leaves: split at 2, so root = node(node(l0, l1), l2) — not a balanced pad.
    const [a, b, c] = leaves(3).map(leafHash) as [Buffer, Buffer, Buffer];
    expect(merkleRoot(leaves(3))).toEqual(nodeHash(nodeHash(a, b), c));
    expect(leafHash(Buffer.from('x'))).toEqual(createHash('sha256').update(Buffer.from([0, 0x78])).digest());
  });

  it('every generated inclusion proof verifies, for every leaf of trees of size 1..40', () => {
    for (let n = 1; n <= 40; n++) {
      const data = leaves(n);
      const root = merkleRoot(data);
      for (let i = 0; i < n; i++) expect(verifyInclusion(data[i] as Buffer, i, n, inclusionProof(data, i), root)).toBe(true);
    }
  });

  it('rejects deliberately wrong inclusion proofs', () => {
    const data = leaves(13);
    const root = merkleRoot(data);
    const proof = inclusionProof(data, 6);
    const leaf = data[6] as Buffer;
    expect(verifyInclusion(leaf, 6, 13, proof, root)).toBe(true);
    expect(verifyInclusion(Buffer.from('forged'), 6, 13, proof, root)).toBe(false); // other leaf
    expect(verifyInclusion(leaf, 5, 13, proof, root)).toBe(false); // wrong index
    expect(verifyInclusion(leaf, 6, 7, proof, root)).toBe(false); // wrong tree size (other path shape)
    expect(verifyInclusion(leaf, 6, 13, proof.slice(0, -1), root)).toBe(false); // truncated path
    expect(verifyInclusion(leaf, 6, 13, [...proof, Buffer.alloc(32)], root)).toBe(false); // extended path
    expect(verifyInclusion(leaf, 6, 13, [flip(proof[0] as Buffer), ...proof.slice(1)], root)).toBe(false); // altered node
    expect(verifyInclusion(leaf, 6, 13, [...proof].reverse(), root)).toBe(false); // reordered path
    expect(verifyInclusion(leaf, 6, 13, proof, flip(root))).toBe(false); // other root
    expect(verifyInclusion(leaf, 13, 13, proof, root)).toBe(false); // index out of range
  });

  it('every generated consistency proof verifies (sizes 1..30 into 1..30)', () => {
    for (let n = 1; n <= 30; n++) {
      const data = leaves(n);
      for (let m = 1; m <= n; m++) {
        expect(verifyConsistency(m, n, merkleRoot(data.slice(0, m)), merkleRoot(data), consistencyProof(data, m))).toBe(true);
      }
    }
  });

  it('rejects deliberately wrong consistency proofs', () => {
    const data = leaves(21);
    const old = merkleRoot(data.slice(0, 8));
    const oldOdd = merkleRoot(data.slice(0, 7));
    const root = merkleRoot(data);
    const proof = consistencyProof(data, 8);
    const proofOdd = consistencyProof(data, 7);
    expect(verifyConsistency(7, 21, oldOdd, root, proofOdd)).toBe(true);
    // A history that was rewritten: the old root does not belong to a prefix of the new tree.
    const rewritten = [...data.slice(0, 3), Buffer.from('edited'), ...data.slice(4)];
    expect(verifyConsistency(8, 21, old, merkleRoot(rewritten), consistencyProof(rewritten, 8))).toBe(false);
    expect(verifyConsistency(8, 21, flip(old), root, proof)).toBe(false);
    expect(verifyConsistency(8, 21, old, flip(root), proof)).toBe(false);
    expect(verifyConsistency(8, 12, old, root, proof)).toBe(false); // wrong new size
    expect(verifyConsistency(7, 21, oldOdd, root, proofOdd.slice(1))).toBe(false);
    expect(verifyConsistency(7, 21, oldOdd, root, [...proofOdd, Buffer.alloc(32)])).toBe(false);
    expect(verifyConsistency(7, 21, oldOdd, root, proofOdd.map((p, i) => (i === 1 ? flip(p) : p)))).toBe(false);
    expect(verifyConsistency(8, 21, old, root, [])).toBe(false);
    expect(verifyConsistency(21, 8, root, old, proof)).toBe(false);
  });

  it('property: a proof verifies only for its own leaf, index and root', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 64 }), fc.nat(), fc.nat(), (n, a, b) => {
        const data = leaves(n);
        const i = a % n;
        const j = b % n;
        const proof = inclusionProof(data, i);
        expect(verifyInclusion(data[j] as Buffer, i, n, proof, merkleRoot(data))).toBe(i === j);
      }),
    );
  });
});

describe('frontier (incremental tree head)', () => {
  it('gives the same root as the full tree after every append', async () => {
    const { frontierAppend, frontierRoot, peakCount } = await import('./merkle.js');
    const data = leaves(70);
    let peaks: Buffer[] = [];
    for (let n = 0; n < data.length; n++) {
      peaks = frontierAppend(peaks, n, data[n] as Buffer);
      expect(peaks).toHaveLength(peakCount(n + 1));
      expect(frontierRoot(peaks)).toEqual(merkleRoot(data.slice(0, n + 1)));
    }
    expect(frontierRoot([])).toEqual(merkleRoot([]));
  });
});
