import type { Evidence, EvidenceStatus } from '../types.js';

/** The worst of several statuses (gap > partial > met > not applicable); not available counts as a gap. */
export function worst(statuses: readonly EvidenceStatus[]): EvidenceStatus {
  const rank: Record<EvidenceStatus, number> = { not_applicable: 0, met: 1, partial: 2, gap: 3, not_available: 4 };
  return statuses.reduce<EvidenceStatus>((a, b) => (rank[b] > rank[a] ? b : a), 'not_applicable');
}

export const DAY_MS = 86_400_000;
export const isoOf = (v: unknown): string | null => (v === null || v === undefined ? null : new Date(v as string | Date).toISOString());
export const daysSince = (from: Date, now: Date): number => Math.floor((now.getTime() - from.getTime()) / DAY_MS);
/** "3 of 12" style shares, as a percentage with one decimal (100 when there is nothing to count). */
export const percent = (part: number, whole: number): number => (whole === 0 ? 100 : Math.round((part / whole) * 1000) / 10);

export type EvidenceReader = (now: Date) => Promise<Evidence>;
