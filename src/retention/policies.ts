import { loadSettings } from '../calls/policies.js';
import type { Queryable } from '../db/types.js';
import { storedPolicies } from './retention-data.js';
import { AUDIT_FLOOR_DAYS, type BrandRetention, type ClassPolicy, type DataClass } from './types.js';

/**
 * Defaults when a brand set nothing: originals are deleted once the call is redacted (the calls
 * module's default), redacted calls, QA notes and payment tokens are kept (deleting customer
 * records is an explicit decision of the brand), audit events are held to the PCI DSS floor.
 */
export const DEFAULT_DAYS: Record<DataClass, number | null> = {
  originals: null,
  redacted_calls: null,
  qa_notes: null,
  payment_tokens: null,
  audit_events: AUDIT_FLOOR_DAYS,
};

/** The days in force per class for a brand: what it set, else the default. */
export async function policiesInForce(q: Queryable, brandId: string): Promise<BrandRetention> {
  const stored = await storedPolicies(q, brandId);
  // Originals: the calls module's keep_original_days is the one source of truth (read at redaction).
  const settings = await loadSettings(q, brandId);
  const classes: ClassPolicy[] = [
    { dataClass: 'originals', days: settings.keepOriginalDays, source: settings.keepOriginalDays === null ? 'default' : 'policy', updatedAt: settings.keepOriginalDays === null ? null : (settings.updatedAt?.toISOString() ?? null) },
  ];
  for (const dataClass of ['redacted_calls', 'qa_notes', 'payment_tokens', 'audit_events'] as const) {
    const s = stored.get(dataClass);
    classes.push(s ? { dataClass, days: s.days, source: 'policy', updatedAt: s.updatedAt } : { dataClass, days: DEFAULT_DAYS[dataClass], source: 'default', updatedAt: null });
  }
  return { brandId, classes };
}

export const daysOf = (r: BrandRetention, c: DataClass): number | null => r.classes.find((x) => x.dataClass === c)?.days ?? null;
