import { isPaymentAbandoned } from '../classify.js';
import { clampScore, type Rule, type Signal } from './types.js';

/**
 * Payment sessions started and abandoned unusually often: an agent testing cards, or fishing
 * for the masked progress of customers' entries.
 */
export const paymentAbandonment: Rule = {
  id: 'payment_abandonment',
  check({ event, profile, peers }): Signal | null {
    if (!isPaymentAbandoned(event)) return null;
    const abandoned = profile.paymentsAbandoned.size;
    const started = Math.max(abandoned, profile.paymentStarts.size);
    const peerDay = Math.max(0, ...peers.filter((g) => g.abandonedPerDay.count >= 20).map((g) => g.abandonedPerDay.mean));
    if (abandoned < 8 || abandoned / started < 0.5 || abandoned < 4 * peerDay) return null;
    return {
      rule: this.id,
      score: clampScore(60 + 5 * (abandoned - 8)),
      reason: `${abandoned} of ${started} payment sessions abandoned in 24 hours (peers: ${peerDay.toFixed(1)} a day)`,
      evidence: profile.paymentsAbandoned.lastIds(20),
    };
  },
};
