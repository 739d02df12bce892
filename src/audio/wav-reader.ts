import { AudioFormatError, frameBytes } from './format.js';
import { parseWavHeader, type WavHeader } from './wav-header.js';

export type ByteSource = () => AsyncIterable<Uint8Array>;

export interface WavStream {
  header: WavHeader;
  /** The sample bytes, in whole frames, up to the announced size (or the end of the file). */
  frames: AsyncIterable<Uint8Array>;
  /** Releases the source when the frames are not going to be read. */
  close(): Promise<void>;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/**
 * Opens a WAV file as a stream: reads just enough to parse the header, then hands out the samples
 * chunk by chunk in whole frames, so a recording of any length is never held in memory. A file
 * that ends before the samples its header announces is `truncated` (found at its end).
 */
export async function openWav(open: ByteSource): Promise<WavStream> {
  const it = open()[Symbol.asyncIterator]();
  let head: Uint8Array = new Uint8Array(0);
  let header: WavHeader | null = null;
  while (!header) {
    const next = await it.next();
    if (next.done) {
      if (head.length >= 4 && String.fromCharCode(...head.subarray(0, 4)) === 'RIFF') throw new AudioFormatError('truncated', 'the file ends inside its header');
      throw new AudioFormatError('not_wav', head.length === 0 ? 'the file is empty' : 'not a RIFF/WAVE file');
    }
    head = concat(head, next.value);
    header = parseWavHeader(head);
  }
  const found = header;
  const frame = frameBytes(found.format);
  async function* frames(): AsyncGenerator<Uint8Array> {
    let left = found.dataBytes ?? Infinity;
    let carry: Uint8Array = head.subarray(found.dataOffset);
    for (;;) {
      const usable = Math.min(carry.length, left);
      const whole = usable - (usable % frame);
      if (whole > 0) {
        yield carry.slice(0, whole);
        left -= whole;
        carry = carry.subarray(whole);
      }
      // a size that is not a whole number of frames: the odd bytes at the end are not a sample
      if (left < frame) break;
      const next = await it.next();
      if (next.done) {
        if (found.dataBytes !== null) throw new AudioFormatError('truncated', `the file ends ${left} bytes before the end of the samples its header announces`);
        if (carry.length > 0) throw new AudioFormatError('truncated', 'the file ends inside a sample frame');
        return;
      }
      carry = carry.length ? concat(carry, next.value) : next.value;
    }
    await it.return?.();
  }
  return { header: found, frames: frames(), close: async () => void (await it.return?.()) };
}
