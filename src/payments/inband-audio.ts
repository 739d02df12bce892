import { createDtmfDetector, decodeSamples, type AudioFormat } from '../audio/index.js';
import { KEYS, type Key } from './capture.js';

/**
 * In-band keypad tones: the telephony platform forks the customer's leg to callvault as short
 * audio frames (20 ms is usual; PCM 16-bit little-endian or G.711) and the audio engine's
 * streaming DTMF detector hears the keys. A frame must be whole samples and short; anything else
 * is refused by name so the sender can fix it. The decoder keeps only the detector's rolling
 * window of samples, never the call's audio.
 */
export const AUDIO_ENCODINGS = ['pcm16', 'mulaw', 'alaw'] as const;
export type AudioEncoding = (typeof AUDIO_ENCODINGS)[number];
export const AUDIO_SAMPLE_RATES = [8000, 16000] as const;

/** The longest frame accepted: a sender that batches more than this is not streaming. */
export const MAX_FRAME_MS = 200;

export type FrameProblem = 'empty_frame' | 'partial_sample' | 'frame_too_long';

export class FrameError extends Error {
  constructor(readonly problem: FrameProblem) {
    super(problem);
  }
}

export interface InbandKeyDecoder {
  /** One frame in; the keys whose tones ended in it out (in order). */
  push(frame: Uint8Array): Key[];
  /** The stream ended: a tone still sounding counts if it was long enough. */
  end(): Key[];
}

const KEY_SET: ReadonlySet<string> = new Set(KEYS);

export function createInbandKeyDecoder(spec: { encoding: AudioEncoding; sampleRate: number }): InbandKeyDecoder {
  const format: AudioFormat = spec.encoding === 'pcm16' ? { codec: 'pcm', sampleRate: spec.sampleRate, channels: 1, bitsPerSample: 16 } : { codec: spec.encoding, sampleRate: spec.sampleRate, channels: 1, bitsPerSample: 8 };
  const bytesPerSample = format.bitsPerSample / 8;
  const maxBytes = ((spec.sampleRate * MAX_FRAME_MS) / 1000) * bytesPerSample;
  const detector = createDtmfDetector({ sampleRate: spec.sampleRate });
  // A-D exist on the DTMF grid but not on a phone keypad: they are not card digits.
  const keysOf = (tones: { digit: string }[]) => tones.map((t) => t.digit).filter((d): d is Key => KEY_SET.has(d));
  return {
    push(frame) {
      if (frame.length === 0) throw new FrameError('empty_frame');
      if (frame.length % bytesPerSample !== 0) throw new FrameError('partial_sample');
      if (frame.length > maxBytes) throw new FrameError('frame_too_long');
      return keysOf(detector.push(decodeSamples(format, frame)));
    },
    end: () => keysOf(detector.flush()),
  };
}
