import type { RedactedRegion } from '../types.js';

/**
 * The redacted recording's peaks per channel, with the redacted stretches shaded (speech in amber,
 * keypad tones in red) and the play position; clicking seeks.
 */
export function Waveform({
  waveform,
  regions,
  duration,
  position,
  onSeek,
}: {
  waveform: { bucketSeconds: number; channels: number[][] };
  regions: RedactedRegion[];
  duration: number;
  position: number;
  onSeek: (seconds: number) => void;
}) {
  const channels = waveform.channels.length || 1;
  const width = 1000;
  const laneHeight = 60;
  const height = laneHeight * channels;
  const x = (s: number) => (duration > 0 ? (s / duration) * width : 0);
  return (
    <svg
      className="waveform"
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={`Waveform with ${regions.length} redacted regions`}
      data-testid="waveform"
      onClick={(e) => {
        const box = e.currentTarget.getBoundingClientRect();
        onSeek(((e.clientX - box.left) / box.width) * duration);
      }}
    >
      {regions.map((r, i) => (
        <rect
          key={i}
          data-testid="redacted-region"
          className={`region region-${r.kind}`}
          x={x(r.start)}
          width={Math.max(1, x(r.end) - x(r.start))}
          y={Math.min(r.channel, channels - 1) * laneHeight}
          height={laneHeight}
        >
          <title>{r.kind === 'dtmf' ? 'keypad tone masked' : `redacted ${r.type ?? ''}`}</title>
        </rect>
      ))}
      {waveform.channels.map((peaks, c) => {
        const mid = c * laneHeight + laneHeight / 2;
        const step = peaks.length > 0 ? width / peaks.length : width;
        const d = peaks.map((p, i) => `M${(i * step).toFixed(1)} ${(mid - p * (laneHeight / 2 - 2)).toFixed(1)}V${(mid + p * (laneHeight / 2 - 2)).toFixed(1)}`).join('');
        return <path key={c} d={d} className="peaks" />;
      })}
      <line x1={x(position)} x2={x(position)} y1={0} y2={height} className="playhead" />
    </svg>
  );
}
