import { DAY_MS } from '../profile.js';
import { clampScore, type Rule, type Signal } from './types.js';

/**
 * An API key making far more requests in 10 minutes than it ever does: integrations follow the
 * contact center's day, so the comparison is with the key's recent peak, not its average (the
 * morning rush is not an attack).
 */
export const apiKeyRate: Rule = {
  id: 'api_key_rate',
  check({ event, profile }): Signal | null {
    if (profile.kind !== 'api_key' || event.at - profile.firstAt < DAY_MS || profile.perBucket.count < 12) return null;
    const n = profile.bucketCount;
    const peak = Math.max(5, profile.peakBucket);
    if (n < 30 || n < 3 * peak) return null;
    return {
      rule: this.id,
      score: clampScore(70 + 5 * (n / peak - 3)),
      reason: `${n} requests in 10 minutes, ${(n / peak).toFixed(1)}× this key's busiest 10 minutes of the past week (${Math.round(peak)})`,
      evidence: [...profile.bucketIds],
    };
  },
};
