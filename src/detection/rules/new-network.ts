import { networksOf } from '../classify.js';
import { DAY_MS } from '../profile.js';
import type { Rule, Signal } from './types.js';

/**
 * A network this actor has not used before. People's home connections wander inside their
 * provider's range, so a new /24 there is weak and a new provider (/16) is stronger; API keys run
 * from fixed servers, so any new network for a key is strong.
 */
export const newNetwork: Rule = {
  id: 'new_network',
  check({ event, profile }): Signal | null {
    const nets = networksOf(event.ip);
    if (!nets || profile.networksNarrow.has(nets.narrow)) return null;
    const isKey = profile.kind === 'api_key';
    const established = isKey ? event.at - profile.firstAt >= DAY_MS && profile.perBucket.count >= 6 : profile.activeDays >= 3;
    if (!established) return null;
    const newProvider = !profile.networksWide.has(nets.wide);
    if (isKey) return { rule: this.id, score: newProvider ? 70 : 50, reason: `API key used from a network it has never used (${nets.narrow}.0/24)`, evidence: [event.id] };
    if (!newProvider) return { rule: this.id, score: 10, reason: `new address range ${nets.narrow}.0/24 in a known network`, evidence: [event.id] };
    return { rule: this.id, score: 40, reason: `first use of network ${nets.wide}.0.0/16 after ${profile.activeDays} active days on ${profile.networksWide.size} known networks`, evidence: [event.id] };
  },
};
