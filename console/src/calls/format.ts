/** Display helpers for calls. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** A sentiment score in words, for people who do not read -0.42 at a glance. */
export function sentimentLabel(score: number | null): string {
  if (score === null) return '—';
  if (score <= -0.35) return 'negative';
  if (score < -0.05) return 'slightly negative';
  if (score < 0.05) return 'neutral';
  if (score < 0.35) return 'slightly positive';
  return 'positive';
}

export const STATUS_LABEL: Record<string, string> = { received: 'waiting', processing: 'redacting', ready: 'ready', failed: 'failed' };
