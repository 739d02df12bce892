import type { AssignmentGate } from '../access/index.js';
import { missingRequired } from './training-data.js';

/**
 * The training requirement as access's assignment gate (set in src/server/compose.ts): the
 * brand's required modules the user has no unexpired completion of. Runs in the assignment's
 * transaction, so a completion recorded in the same instant is seen.
 */
export function trainingAssignmentGate(now: () => Date): AssignmentGate {
  return async (q, { userId, brandId }) => {
    const missing = await missingRequired(q, userId, brandId, now());
    return missing.length > 0 ? { missing } : null;
  };
}
