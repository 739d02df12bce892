import type { Queryable } from '../db/types.js';
import { eventHash, GENESIS_HASH } from './canonical.js';
import * as chains from './chain-store.js';
import { checkpointBytes, checkpointDigest } from './checkpoint.js';
import { frontierAppend, frontierRoot, merkleRoot } from './merkle.js';
import { verifyBytes, type SigningKeys } from './signing.js';

export type ProblemKind = 'edited' | 'deleted' | 'inserted' | 'reordered' | 'truncated' | 'checkpoint' | 'signature';

export interface Problem {
  chainId: string;
  /** Where: the event's sequence number (for checkpoints, the last seq they cover). */
  seq: number;
  kind: ProblemKind;
  message: string;
}

export interface VerifyReport {
  ok: boolean;
  chains: number;
  events: number;
  checkpoints: number;
  problems: Problem[];
}

interface Light {
  seq: number;
  hash: Buffer;
  prev: Buffer;
  /** undefined: content matches its hash at its seq; number: it hashes at that other seq; null: edited. */
  movedFrom?: number | null;
}

const PAGE = 5000;
const MOVE_WINDOW = 16;

/**
 * Re-derives one chain from its rows and checks it against its head and signed checkpoints.
 * Reports each problem with the seq where it is and its kind: an edited event (content no longer
 * matches its hash, or rewritten with a recomputed hash so the next link breaks), deleted events
 * (a gap, or later events renumbered down), inserted events, reordered events (events that hash
 * at another position), a truncated tail, and checkpoints whose Merkle root or signature fail.
 */
export async function verifyChain(q: Queryable, keys: SigningKeys, chainId: string): Promise<VerifyReport> {
  const problems: Problem[] = [];
  const add = (seq: number, kind: ProblemKind, message: string): void => void problems.push({ chainId, seq, kind, message });
  const events: Light[] = [];
  for (let after = 0; ; ) {
    const page = await chains.eventsAfter(q, chainId, after, PAGE);
    for (const e of page) {
      const light: Light = { seq: e.seq, hash: e.hash, prev: e.prevHash };
      if (!eventHash(e).equals(e.hash)) {
        light.movedFrom = null;
        for (let d = 1; d <= MOVE_WINDOW && light.movedFrom === null; d++) {
          for (const s of [e.seq - d, e.seq + d]) if (s > 0 && eventHash({ ...e, seq: s }).equals(e.hash)) light.movedFrom = s;
        }
      }
      events.push(light);
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1]?.seq ?? after;
  }

  checkLinks(events, add);
  checkMoves(events, add);
  const head = await chains.readHead(q, chainId);
  const last = events[events.length - 1];
  const lastSeq = last?.seq ?? 0;
  if (head && head.headSeq > lastSeq) add(lastSeq + 1, 'truncated', `events ${lastSeq + 1}..${head.headSeq} are missing from the tail`);
  if (head && head.headSeq < lastSeq) add(head.headSeq + 1, 'inserted', `events after seq ${head.headSeq} were added behind the chain head`);
  if (head && last && head.headSeq === lastSeq && !head.headHash.equals(last.hash) && last.movedFrom === undefined) {
    add(lastSeq, 'edited', `event ${lastSeq} does not match the chain head`);
  }
  const checkpoints = await chains.checkpointsOf(q, chainId);
  await checkCheckpoints(q, keys, chainId, checkpoints, events, add);
  problems.sort((a, b) => a.seq - b.seq);
  return { ok: problems.length === 0, chains: 1, events: events.length, checkpoints: checkpoints.length, problems };
}

/** Verifies several chains (all when `chainIds` is omitted). */
export async function verifyChains(q: Queryable, keys: SigningKeys, chainIds?: readonly string[]): Promise<VerifyReport> {
  const ids = chainIds ?? (await chains.allChainIds(q));
  const total: VerifyReport = { ok: true, chains: 0, events: 0, checkpoints: 0, problems: [] };
  for (const id of ids) {
    const r = await verifyChain(q, keys, id);
    total.chains++;
    total.events += r.events;
    total.checkpoints += r.checkpoints;
    total.problems.push(...r.problems);
  }
  total.ok = total.problems.length === 0;
  return total;
}

type Add = (seq: number, kind: ProblemKind, message: string) => void;

function checkLinks(events: readonly Light[], add: Add): void {
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as Light;
    const before = events[i - 1];
    const expectedSeq = before ? before.seq + 1 : 1;
    if (e.seq > expectedSeq) {
      add(expectedSeq, 'deleted', e.seq - expectedSeq === 1 ? `event ${expectedSeq} was deleted` : `events ${expectedSeq}..${e.seq - 1} were deleted`);
      continue; // the broken link is explained by the gap
    }
    if (e.movedFrom === null) add(e.seq, 'edited', `event ${e.seq} was edited (its content no longer matches its hash)`);
    if (e.movedFrom !== undefined || before?.movedFrom !== undefined) continue; // explained by the content check
    const expectedPrev = before ? before.hash : GENESIS_HASH;
    if (e.prev.equals(expectedPrev)) continue;
    const twoBack = i >= 2 ? (events[i - 2] as Light).hash : i === 1 ? GENESIS_HASH : undefined;
    if (before && twoBack && e.prev.equals(twoBack)) add(before.seq, 'inserted', `event ${before.seq} was inserted (event ${e.seq} links past it)`);
    else if (before) add(before.seq, 'edited', `event ${before.seq} was rewritten with a recomputed hash (event ${e.seq} no longer links to it)`);
    else add(e.seq, 'edited', `event ${e.seq} does not start the chain`);
  }
}

/** Events that hash correctly at another seq: cycles are reorderings, shifted runs are deletions/insertions. */
function checkMoves(events: readonly Light[], add: Add): void {
  const moved = new Map<number, number>();
  for (const e of events) if (typeof e.movedFrom === 'number') moved.set(e.seq, e.movedFrom);
  const inCycle = (start: number): boolean => {
    let at = moved.get(start);
    for (let steps = 0; at !== undefined && steps <= moved.size; steps++) {
      if (at === start) return true;
      at = moved.get(at);
    }
    return false;
  };
  let run: { delta: number; next: number } | undefined;
  for (const [seq, from] of moved) {
    if (inCycle(seq)) {
      add(seq, 'reordered', `event at seq ${seq} belongs at seq ${from}`);
      run = undefined;
      continue;
    }
    const delta = from - seq;
    if (run && run.delta === delta && run.next === seq) {
      run.next = seq + 1;
      continue;
    }
    run = { delta, next: seq + 1 };
    if (delta > 0) add(seq, 'deleted', `${delta} event(s) deleted before seq ${seq}; later events were renumbered`);
    else add(seq + delta, 'inserted', `${-delta} event(s) inserted at seq ${seq + delta}; later events were renumbered`);
  }
}

async function checkCheckpoints(
  q: Queryable,
  keys: SigningKeys,
  chainId: string,
  checkpoints: readonly chains.CheckpointRow[],
  events: readonly Light[],
  add: Add,
): Promise<void> {
  const bySeq = new Map(events.map((e) => [e.seq, e.hash]));
  const lastSeq = events[events.length - 1]?.seq ?? 0;
  // Tree heads over the whole chain as stored, at each checkpoint's position.
  const wanted = new Set(checkpoints.map((c) => c.toSeq));
  const treeRoots = new Map<number, Buffer>();
  let peaks: Buffer[] = [];
  events.forEach((e, i) => {
    peaks = frontierAppend(peaks, i, e.hash);
    if (wanted.has(i + 1)) treeRoots.set(i + 1, frontierRoot(peaks));
  });
  let previous: chains.CheckpointRow | undefined;
  for (const c of checkpoints) {
    const expectedFrom = previous?.toSeq ?? 0;
    const expectedPrev = previous ? checkpointDigest(previous) : Buffer.alloc(32);
    if (c.fromSeq !== expectedFrom || !c.prevDigest.equals(expectedPrev)) {
      add(c.toSeq, 'checkpoint', `checkpoint at seq ${c.toSeq} does not follow the previous one (a checkpoint was removed or altered)`);
    }
    const key = await keys.publicKey(q, c.keyId).catch(() => undefined);
    if (!key || !verifyBytes(key, checkpointBytes(c), c.signature)) {
      add(c.toSeq, 'signature', `checkpoint at seq ${c.toSeq} has no valid signature`);
    }
    if (c.toSeq > lastSeq) {
      add(lastSeq + 1, 'truncated', `signed checkpoint covers events up to ${c.toSeq} but the chain ends at ${lastSeq}`);
    } else {
      const hashes: Buffer[] = [];
      for (let s = c.fromSeq + 1; s <= c.toSeq; s++) {
        const h = bySeq.get(s);
        if (h) hashes.push(h);
      }
      if (!merkleRoot(hashes).equals(c.root)) {
        add(c.toSeq, 'checkpoint', `events ${c.fromSeq + 1}..${c.toSeq} do not match their signed checkpoint (Merkle root differs)`);
      } else if (c.treeRoot && !treeRoots.get(c.toSeq)?.equals(c.treeRoot)) {
        add(c.toSeq, 'checkpoint', `events 1..${c.toSeq} do not match the signed tree head of checkpoint ${c.toSeq}`);
      }
    }
    previous = c;
  }
}
