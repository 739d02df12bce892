import type { RecertDecision } from '../types.js';

export const DECISION_LABEL: Record<RecertDecision, string> = {
  confirmed: 'Confirmed',
  removed: 'Removed by reviewer',
  removed_at_deadline: 'Removed at deadline',
  kept_unanswered: 'Kept, unanswered',
};

/** A brand's name when the person can see the brand, else its id. */
export const brandName = (brands: { id: string; name: string }[], id: string): string => brands.find((b) => b.id === id)?.name ?? id;
