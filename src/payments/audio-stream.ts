import type { Key } from './capture.js';
import { createInbandKeyDecoder, type AudioEncoding } from './inband-audio.js';

/**
 * One call's in-band audio stream: frames are decoded in arrival order and each key heard is
 * handed on one after the other (a key must not overtake the one before it). A sender that pushes
 * audio much faster than the keys can be applied is refused rather than buffered without bound.
 */
export interface AudioStreamSpec {
  callRef: string;
  encoding: AudioEncoding;
  sampleRate: number;
}

export interface AudioStreamStats {
  frames: number;
  /** Keys heard and applied to the call's live payment session. */
  keys: number;
  /** Keys heard but not applied: the call had no live session, or it ended meanwhile. */
  keysDropped: number;
}

export interface AudioStream {
  /** Throws FrameError for a frame that is not audio of the declared shape, OverloadedError when keys pile up. */
  frame(bytes: Uint8Array): void;
  /** The stream ended: the last tone counted, every pending key delivered. */
  end(): Promise<AudioStreamStats>;
}

export class OverloadedError extends Error {
  constructor() {
    super('too many keys waiting');
  }
}

/** Keys waiting to be applied before the stream is refused; a person keys a handful per second. */
const MAX_PENDING_KEYS = 32;

export function createAudioStream(spec: AudioStreamSpec, press: (key: Key) => Promise<boolean>): AudioStream {
  const decoder = createInbandKeyDecoder(spec);
  const stats: AudioStreamStats = { frames: 0, keys: 0, keysDropped: 0 };
  let chain: Promise<void> = Promise.resolve();
  let pending = 0;

  function deliver(keys: Key[]): void {
    for (const key of keys) {
      if (pending >= MAX_PENDING_KEYS) throw new OverloadedError();
      pending++;
      chain = chain
        .then(() => press(key))
        .then(
          (applied) => void (applied ? stats.keys++ : stats.keysDropped++),
          () => void stats.keysDropped++,
        )
        .finally(() => void pending--);
    }
  }

  return {
    frame(bytes) {
      const keys = decoder.push(bytes);
      stats.frames++;
      deliver(keys);
    },
    async end() {
      deliver(decoder.end());
      await chain;
      return { ...stats };
    },
  };
}
