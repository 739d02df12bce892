import type { ReviewTurn } from '../types.js';
import { formatDuration, sentimentLabel } from './format.js';

/** The redacted transcript by speaker; each redaction is a typed marker, never the value. */
export function Transcript({ turns, onSeek }: { turns: ReviewTurn[]; onSeek?: (seconds: number) => void }) {
  return (
    <ol className="transcript" aria-label="Redacted transcript">
      {turns.map((t, i) => (
        <li key={i} className={`turn speaker-${(t.speaker ?? 'unknown').toLowerCase().replace(/\W+/g, '-')}`} data-testid="turn">
          <div className="turn-meta">
            <strong>{t.speaker ?? 'Speaker'}</strong>
            {t.startTime !== null && onSeek ? (
              <button type="button" className="link" onClick={() => onSeek(t.startTime ?? 0)} aria-label={`Play from ${formatDuration(t.startTime)}`}>
                {formatDuration(t.startTime)}
              </button>
            ) : null}
            <span className={`sentiment sentiment-${sentimentLabel(t.sentiment).replace(' ', '-')}`} title={`sentiment ${t.sentiment}`}>
              {sentimentLabel(t.sentiment)}
            </span>
          </div>
          <p>
            {t.parts.map((p, j) =>
              p.redacted ? (
                <mark key={j} className="redaction" data-testid="redaction" aria-label={`redacted ${p.redacted}`} title={p.redacted}>
                  {p.text || p.redacted}
                </mark>
              ) : (
                <span key={j}>{p.text}</span>
              ),
            )}
          </p>
        </li>
      ))}
    </ol>
  );
}
