import { isSensitiveAction } from '../classify.js';
import { clampScore, type Rule, type Signal } from './types.js';

/**
 * First use of an action that moves data out (export, download, originals, detokenize) by an
 * actor with an established history — weighted by how rare the action is among its peers: the
 * first export of an auditor is routine, an agent's first download is not.
 */
export const firstSensitiveAction: Rule = {
  id: 'first_sensitive_action',
  check({ event, profile, peers }): Signal | null {
    if (event.outcome !== 'success' || !profile.matureDays || profile.actions.has(event.action) || !isSensitiveAction(event.action)) return null;
    const share = peers.length === 0 ? 0 : Math.max(...peers.map((g) => g.fractionDone(event.action)));
    const score = share < 0.05 ? 45 : share < 0.25 ? 30 : 10;
    return {
      rule: this.id,
      score: clampScore(score),
      reason: `first ${event.action} by this ${profile.role} after ${profile.activeDays} active days; ${Math.round(share * 100)} % of peers have done it`,
      evidence: [event.id],
    };
  },
};
