import { isBreakGlassRequest } from '../classify.js';
import { clampScore, type Rule, type Signal } from './types.js';

/**
 * Repeated break-glass requests (emergency access to unredacted originals): each one is justified
 * on its own, many in a day or far more than peers in a week is a pattern.
 */
export const breakGlass: Rule = {
  id: 'break_glass',
  check({ event, profile, peers }): Signal | null {
    if (!isBreakGlassRequest(event)) return null;
    const day = profile.breakGlassDay.size;
    const week = profile.breakGlassWeek.size;
    const peerWeek = Math.max(0, ...peers.filter((g) => g.breakGlassPerWeek.count >= 10).map((g) => g.breakGlassPerWeek.mean));
    if (day >= 3) {
      return { rule: this.id, score: clampScore(day === 3 ? 60 : 75 + 10 * (day - 4)), reason: `${day} break-glass requests in 24 hours`, evidence: profile.breakGlassDay.lastIds(20) };
    }
    const recent = profile.breakGlassDay.countSince(event.at - 2 * 3_600_000);
    if (recent >= 2) {
      return { rule: this.id, score: 40, reason: `${recent} break-glass requests in 2 hours`, evidence: profile.breakGlassDay.lastIds(20) };
    }
    if (week >= Math.max(5, 3 * peerWeek)) {
      return { rule: this.id, score: 50, reason: `${week} break-glass requests in 7 days (peers: ${peerWeek.toFixed(1)} a week)`, evidence: profile.breakGlassWeek.lastIds(20) };
    }
    return null;
  },
};
