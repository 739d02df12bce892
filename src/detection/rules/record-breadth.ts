import { isRecordRead } from '../classify.js';
import type { ActorProfile, PeerGroup } from '../profile.js';
import { clampScore, type Rule, type Signal } from './types.js';

/** Today, the last three days, the last week (calendar days; only days the actor worked count). */
const WINDOWS = [1, 3, 7];
const COLD_RATE = 20;
const PEER_MIN_DAYS = 20;
/** The least day-to-day variation assumed of a person's pace (standard deviation / mean). */
const HUMAN_DAY_SPREAD = 0.25;

/**
 * Breadth: many more distinct customers per working hour than usual, summed over days, so slow
 * exfiltration that stays under any hourly threshold still adds up to a clear excess. Daily rates
 * (distinct customers per active hour) are the baseline: a long shift is not breadth, and
 * day-to-day variation is measured rather than assumed.
 */
export const recordBreadth: Rule = {
  id: 'record_breadth',
  check({ event, profile, peers }): Signal | null {
    if (!isRecordRead(event) || !profile.newTarget) return null;
    const { rate, spread, independentDays, own, peer } = expectedRate(profile, peers);
    let best: Signal | null = null;
    for (const days of WINDOWS) {
      const [observed, hours, n] = profile.daySums(days);
      const expected = rate * hours;
      // Poisson noise of the count plus the variation of the rate: independent days average out.
      const z = (observed - expected) / Math.sqrt(expected + (spread * hours * hours) / (independentDays ? n : 1) + 1);
      // A single day is noisier than its model (partial hours, one busy queue): it needs more.
      if (z < (n === 1 ? 5 : 4) || observed < 1.3 * expected || observed - expected < 30) continue;
      const score = clampScore(72 + (z - 4) * 3);
      if (!best || score > best.score) {
        best = {
          rule: this.id,
          score,
          reason:
            `${observed} distinct customer records in ${hours} active hours over ${n === 1 ? 'today' : `${n} working days`}, ` +
            `${(observed / expected).toFixed(1)}× the expected ${Math.round(expected)} (own ${fmt(own)}, peers ${fmt(peer)} per active hour)`,
          evidence: [...profile.currentReadIds],
        };
      }
    }
    return best;
  },
};

const fmt = (x: number | null): string => (x === null ? 'no baseline yet' : x.toFixed(1));

interface Expectation {
  /** Distinct records per active hour. */
  rate: number;
  /** Variance of a day's rate. */
  spread: number;
  /** Whether days vary independently around the rate (own baseline) or may all sit above it (a peer's). */
  independentDays: boolean;
  own: number | null;
  peer: number | null;
}

function expectedRate(p: ActorProfile, peers: PeerGroup[]): Expectation {
  const own = p.matureDayRates ? p.distinctRatePerDay : null;
  let peer: number | null = null;
  let peerVar = 0;
  for (const g of peers) {
    const s = g.distinctRatePerDay;
    if (s.count >= PEER_MIN_DAYS && (peer === null || s.mean > peer)) {
      peer = s.mean;
      peerVar = s.variance;
    }
  }
  if (own === null && peer === null) return { rate: COLD_RATE, spread: COLD_RATE, independentDays: false, own: null, peer: null };
  if (own === null) {
    // No history of its own yet: this person may simply be one of the group's fastest, so the
    // expectation is near the top of the group, and the difference between people does not
    // average out over days.
    const sd = Math.sqrt(peerVar);
    return { rate: peer! + 2.5 * sd, spread: Math.max(peerVar, (HUMAN_DAY_SPREAD * peer!) ** 2), independentDays: false, own: null, peer };
  }
  // With a history of its own, the actor is its own measure: a slow worker who doubles their
  // reading is as unusual as a fast one, even if they only reach the group's average.
  const rate = Math.max(own.mean, 0.5);
  // People's days differ by a quarter or more (queues, call lengths): the measured variance is
  // not trusted below that, since a few weeks of history underestimate it.
  const spread = Math.max(own.variance, (HUMAN_DAY_SPREAD * own.mean) ** 2);
  return { rate, spread, independentDays: true, own: own.mean, peer };
}
