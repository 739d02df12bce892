import { isRecordRead } from '../classify.js';
import { clampScore, type Rule, type Signal } from './types.js';
import { perHour, rateExcess } from './rates.js';

/**
 * Bulk reading: far more customer records opened in the last hour or two than this actor and its
 * peers open in as many working hours (scraping, a script behind a session).
 */
export const recordVolume: Rule = {
  id: 'record_volume',
  check({ event, profile, peers }): Signal | null {
    if (!isRecordRead(event)) return null;
    for (const hours of [1, 2]) {
      const x = rateExcess(profile, peers, 'reads', hours);
      if (x.z >= 6 && x.observed >= 2 * x.expected && x.observed - x.expected >= 25) {
        return {
          rule: this.id,
          score: clampScore(75 + (x.z - 6) * 2),
          reason: `${x.observed} customer records read in the last ${hours === 1 ? 'hour' : `${hours} hours`}, ${(x.observed / x.expected).toFixed(1)}× the expected ${Math.round(x.expected)} (own ${perHour(x.own)}, peers ${perHour(x.peer)})`,
          evidence: [...profile.currentReadIds],
        };
      }
    }
    return null;
  },
};
