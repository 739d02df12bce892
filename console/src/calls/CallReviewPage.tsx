import { useEffect, useRef, useState } from 'react';
import { api } from '../api.js';
import type { Me } from '../types.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { formatTime } from '../ui/format.js';
import { useLoad } from '../ui/useLoad.js';
import { BreakGlassPanel } from './BreakGlassPanel.js';
import { formatDuration, sentimentLabel, STATUS_LABEL } from './format.js';
import { Scorecards } from './ScorecardForm.js';
import { Transcript } from './Transcript.js';
import { Waveform } from './Waveform.js';

/** One call for QA: redacted transcript with markers, the redacted recording with its waveform, scorecards. */
export function CallReviewPage({ callId, me }: { callId: string; me: Me }) {
  const { data: call, error, reload } = useLoad(() => api.call(callId), [callId]);
  const audio = useRef<HTMLAudioElement>(null);
  const [position, setPosition] = useState(0);
  useEffect(() => setPosition(0), [callId]);
  const role = call ? me.user.assignments.find((a) => a.brandId === call.brandId)?.role : undefined;
  const canBreakGlass = me.user.isSecurityAdmin || role === 'supervisor';
  const seek = (s: number) => {
    if (!audio.current) return;
    audio.current.currentTime = s;
    void audio.current.play().catch(() => undefined);
  };

  return (
    <section aria-labelledby="call-title">
      <p>
        <a href="#/calls">← All calls</a>
      </p>
      <h1 id="call-title">Call {call?.externalId ?? ''}</h1>
      <ErrorNotice error={error} />
      {call && (
        <>
          <dl className="facts">
            <dt>Status</dt>
            <dd data-testid="call-status">{STATUS_LABEL[call.status]}</dd>
            <dt>Agent</dt>
            <dd>{call.agentRef ?? '—'}</dd>
            <dt>Started</dt>
            <dd>{formatTime(call.startedAt ?? call.createdAt)}</dd>
            <dt>Length</dt>
            <dd>{formatDuration(call.durationSeconds)}</dd>
            <dt>Redactions</dt>
            <dd>
              {Object.entries(call.review?.counts ?? {}).map(([type, n]) => (
                <span key={type} className="tag">
                  {type} × {n}
                </span>
              ))}
            </dd>
            <dt>Sentiment</dt>
            <dd>{sentimentLabel(call.sentiment)}</dd>
          </dl>
          {call.status !== 'ready' && <p className="notice">This call is not redacted yet; nothing of it can be shown.</p>}
          {call.review && call.hasRecording && (
            <div className="player">
              <audio ref={audio} controls preload="metadata" src={api.callAudioUrl(call.id)} onTimeUpdate={(e) => setPosition(e.currentTarget.currentTime)} aria-label="Redacted recording" />
              <Waveform waveform={call.review.waveform} regions={call.review.regions} duration={call.durationSeconds ?? 0} position={position} onSeek={seek} />
              <p className="hint">
                <span className="legend legend-speech" /> redacted speech <span className="legend legend-dtmf" /> keypad tones masked
              </p>
            </div>
          )}
          {call.review && <Transcript turns={call.review.turns} onSeek={call.hasRecording ? seek : undefined} />}
          {call.review && <Scorecards callId={call.id} scorecards={call.scorecards} onSaved={reload} />}
          {canBreakGlass && <BreakGlassPanel callId={call.id} />}
        </>
      )}
    </section>
  );
}
