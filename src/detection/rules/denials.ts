import { isDenied } from '../classify.js';
import { clampScore, type Rule, type Signal } from './types.js';

/**
 * Bursts of permission denials, and attempts on brands outside the actor's own: one denial is a
 * wrong link, several brands in a row is someone probing what they can reach.
 */
export const denials: Rule = {
  id: 'denials',
  check({ event, profile }): Signal | null {
    if (!isDenied(event)) return null;
    const outside = event.brandId !== null && !(profile.assignedBrands ?? profile.brands).has(event.brandId);
    const burst = profile.denials.size;
    const foreignToday = profile.denialsDay.distinctLabels().size;
    let score = 0;
    const parts: string[] = [];
    if (burst >= 4) {
      score = 50 + 8 * (burst - 4);
      parts.push(`${burst} permission denials in 30 minutes`);
    }
    if (foreignToday >= 2) {
      // Two other brands in a day can be two stray links; three is a search.
      score = Math.max(score, 35 + 20 * (foreignToday - 1));
      parts.push(`attempts on ${foreignToday} brands outside its own in 24 hours`);
    } else if (outside && burst >= 2) {
      score = Math.max(score, 35);
      parts.push(`repeated attempts on brand ${event.brandId}, outside its own`);
    }
    if (score === 0) return null;
    return { rule: this.id, score: clampScore(score), reason: parts.join('; '), evidence: profile.denials.lastIds(20) };
  },
};
