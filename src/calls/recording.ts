import type { TimeSpan } from '../redaction/index.js';
import type { RedactedRegion } from './types.js';

/** How a recording is redacted: the brand's audio settings and the transcript's redacted time spans. */
export interface RecordingJob {
  /** Reads the original WAV from the start; called once per pass (the audio is never written in clear). */
  source: () => AsyncIterable<Uint8Array>;
  spans: readonly TimeSpan[];
  mode: 'silence' | 'tone';
  maskDtmf: boolean;
}

export interface RecordingResult {
  durationSeconds: number;
  channels: number;
  /** Speech spans silenced and keypad tones masked (times only; never a digit). */
  regions: RedactedRegion[];
  waveform: { bucketSeconds: number; channels: number[][] };
}

/** Turns an original recording into the redacted one, as a stream, with what was done to it. */
export interface RecordingRedactor {
  redact(job: RecordingJob): { output: AsyncIterable<Uint8Array>; result: () => RecordingResult };
}

/** Raised for a recording that cannot be redacted as it is (corrupt, unsupported): retrying will not help. */
export class UnusableRecordingError extends Error {
  override name = 'UnusableRecordingError';
  constructor(readonly code: string) {
    super(`recording unusable: ${code}`);
  }
}
