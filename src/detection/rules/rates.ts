import { excessZ } from '../stats.js';
import type { ActorProfile, PeerGroup } from '../profile.js';

export type Measure = 'reads' | 'distinct';

/** Cold start: before any baseline, an active hour is expected to hold at most this much. */
const COLD_RATE: Record<Measure, number> = { reads: 30, distinct: 20 };
const PEER_MIN_HOURS = 30;

export interface RateExcess {
  observed: number;
  expected: number;
  z: number;
  own: number | null;
  peer: number | null;
  hours: number;
}

/**
 * Is the count of `measure` in the last `hours` clock hours far above what this actor (and its
 * peers) do in as many active hours? The expectation is the larger of the actor's own rate and
 * its peers', so a busy colleague is not flagged for being busier than the group and a quiet one
 * is not flagged for catching up with it; without either baseline a generous cold-start rate
 * stands in.
 */
export function rateExcess(p: ActorProfile, peers: PeerGroup[], measure: Measure, hours: number): RateExcess {
  const [reads, distinct, active] = p.windowSums(hours);
  const observed = measure === 'reads' ? reads : distinct;
  const ownStats = measure === 'reads' ? p.readsPerHour : p.distinctPerHour;
  const own = p.matureHours ? ownStats.mean : null;
  let peer: number | null = null;
  let peerDispersion = 2;
  for (const g of peers) {
    const s = measure === 'reads' ? g.readsPerHour : g.distinctPerHour;
    if (s.count >= PEER_MIN_HOURS && (peer === null || s.mean > peer)) {
      peer = s.mean;
      peerDispersion = s.mean > 0 ? Math.max(2, s.variance / s.mean) : 2;
    }
  }
  const rate = own === null && peer === null ? COLD_RATE[measure] : Math.max(own ?? 0, peer ?? 0, 1);
  const expected = rate * active;
  // Burstiness from the actor's own hours when it has them (variance / mean), else from the
  // spread of the peer group's hours (which includes the differences between people).
  const dispersion = own !== null && ownStats.mean > 0 ? Math.max(1.5, ownStats.variance / ownStats.mean) : peerDispersion;
  return { observed, expected, z: excessZ(observed, expected, dispersion), own, peer, hours: active };
}

export const perHour = (x: number | null): string => (x === null ? 'no baseline yet' : `${x.toFixed(1)} an hour`);
