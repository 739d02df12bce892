import vader from 'vader-sentiment';

/**
 * Sentiment of a turn with VADER (Hutto & Gilbert 2014), made for short conversational text:
 * negation, intensifiers and "but" are handled. The compound score runs from -1 to 1; reviewers
 * sort and filter by it to find bad calls. Redaction markers are neutral words to VADER.
 */
export function sentimentOf(text: string): number {
  if (!/[A-Za-z]/.test(text)) return 0;
  return Math.round(vader.SentimentIntensityAnalyzer.polarity_scores(text).compound * 1000) / 1000;
}

/** A call's score: the mean of its turns, weighted by length so "ok" does not count as much as a complaint. */
export function callSentiment(turns: readonly { text: string; sentiment: number }[]): number | null {
  let sum = 0;
  let weight = 0;
  for (const t of turns) {
    const w = Math.min(t.text.length, 400);
    sum += t.sentiment * w;
    weight += w;
  }
  return weight === 0 ? null : Math.round((sum / weight) * 1000) / 1000;
}
