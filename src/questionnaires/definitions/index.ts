import { parseDefinition, type Definition } from '../engine/index.js';
import vendorSecurityV1 from './vendor-security.v1.json' with { type: 'json' };

/**
 * The questionnaire definitions shipped with callvault, by `id@version`. A sent questionnaire keeps
 * the id and version it was sent with, so a later version never changes the questions of one
 * already answered; a new version is a new file here, never an edit of a shipped one.
 */
const SHIPPED: readonly Definition[] = [parseDefinition(vendorSecurityV1)];

export const DEFAULT_DEFINITION: Definition = SHIPPED[0]!;

export function findDefinition(id: string, version: number): Definition | undefined {
  return SHIPPED.find((d) => d.id === id && d.version === version);
}

export function latestDefinitions(): Definition[] {
  const latest = new Map<string, Definition>();
  for (const d of SHIPPED) if ((latest.get(d.id)?.version ?? 0) < d.version) latest.set(d.id, d);
  return [...latest.values()];
}
