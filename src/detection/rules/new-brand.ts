import { clampScore, type Rule, type Signal } from './types.js';

/**
 * First access to a brand: routine when a person is assigned a new client, worth a look when it
 * comes out of nowhere, and serious when it succeeds on a brand the directory does not give them.
 */
export const newBrand: Rule = {
  id: 'new_brand',
  check({ event, profile }): Signal | null {
    const brand = event.brandId;
    if (brand === null || event.outcome !== 'success' || profile.brands.has(brand)) return null;
    const assigned = profile.assignedBrands;
    if (assigned !== null && !assigned.has(brand)) {
      return { rule: this.id, score: 80, reason: `${event.action} succeeded on brand ${brand}, which this ${profile.role} is not assigned to`, evidence: [event.id] };
    }
    if (!profile.matureDays) return null;
    return { rule: this.id, score: clampScore(25), reason: `first access to brand ${brand} after ${profile.activeDays} active days`, evidence: [event.id] };
  },
};
