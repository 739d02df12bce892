import { AudioFormatError, redactRecording, type AudioSpan } from '../audio/index.js';
import type { TimeSpan } from '../redaction/index.js';
import { UnusableRecordingError, type RecordingJob, type RecordingRedactor, type RecordingResult } from './recording.js';
import type { RedactedRegion } from './types.js';

/**
 * Word timings from speech recognition run a little past the audio now and then (the last word
 * of a call, a clock skew of a few hundred ms); a span that far past the end is clamped, not an error.
 */
const SPAN_TOLERANCE_SECONDS = 1;

/** Spans on a channel the recording does not have (a mono recording of a two-party call) fall on channel 0. */
function toAudioSpans(spans: readonly TimeSpan[], channels: number): AudioSpan[] {
  return spans.map((s) => ({ channel: s.channel < channels ? s.channel : 0, start: s.start, end: s.end }));
}

async function* unusableOnBadAudio(output: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  try {
    yield* output;
  } catch (err) {
    if (err instanceof AudioFormatError) throw new UnusableRecordingError(err.code);
    throw err;
  }
}

/** The calls module's recording redactor on the audio engine (src/audio): silence or tone over the spans, DTMF masked. */
export function createAudioRecordingRedactor(): RecordingRedactor {
  return {
    redact(job: RecordingJob) {
      let channels = 0;
      const run = redactRecording(job.source, {
        spans: (format) => {
          channels = format.channels;
          return toAudioSpans(job.spans, format.channels);
        },
        mode: job.mode,
        maskDtmf: job.maskDtmf,
        spanTolerance: SPAN_TOLERANCE_SECONDS,
      });
      return {
        output: unusableOnBadAudio(run.output),
        result(): RecordingResult {
          const report = run.report();
          const speech: RedactedRegion[] = job.spans.map((s) => ({
            channel: s.channel < channels ? s.channel : 0,
            start: s.start,
            end: Math.min(s.end, report.durationSeconds),
            kind: 'speech',
            type: s.type,
          }));
          const dtmf: RedactedRegion[] = report.dtmf.map((t) => ({ channel: t.channel, start: t.start, end: t.end, kind: 'dtmf' }));
          return {
            durationSeconds: report.durationSeconds,
            channels: report.format.channels,
            regions: [...speech, ...dtmf].sort((a, b) => a.start - b.start || a.channel - b.channel),
            waveform: report.waveform,
          };
        },
      };
    },
  };
}
