import type { RecordingRedactor } from './recording.js';
// TEMPORARY (not committed): replaced by the audio engine adapter.
export function createAudioRecordingRedactor(): RecordingRedactor {
  return { redact() { throw new Error('audio engine not wired yet'); } };
}
