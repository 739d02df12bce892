/** How the samples of a WAV file are coded: what the engine reads and writes back unchanged. */
export interface AudioFormat {
  codec: 'pcm' | 'mulaw' | 'alaw';
  sampleRate: number;
  channels: number;
  /** 16 or 8 for PCM; 8 for G.711. */
  bitsPerSample: number;
}

/** Bytes per frame (one sample of every channel). */
export const frameBytes = (f: AudioFormat): number => (f.channels * f.bitsPerSample) / 8;

export type AudioErrorCode = 'not_wav' | 'bad_header' | 'unsupported_codec' | 'truncated' | 'span_past_end' | 'bad_span';

/** A recording the engine cannot process as it is. The message names the problem, never the audio. */
export class AudioFormatError extends Error {
  override name = 'AudioFormatError';
  constructor(
    readonly code: AudioErrorCode,
    detail: string,
  ) {
    super(detail);
  }
}
