import { decodeAlaw, decodeMulaw, decodePcm8, encodeAlaw, encodeMulaw, encodePcm8 } from './codecs.js';
import type { AudioFormat } from './format.js';

/** Interleaved coded bytes → interleaved 16-bit linear samples. */
export function decodeSamples(format: AudioFormat, bytes: Uint8Array): Int16Array {
  if (format.codec === 'pcm' && format.bitsPerSample === 16) {
    const out = new Int16Array(bytes.length >> 1);
    for (let i = 0, j = 0; i < out.length; i++, j += 2) out[i] = (bytes[j]! | (bytes[j + 1]! << 8)) << 16 >> 16;
    return out;
  }
  const decode = format.codec === 'mulaw' ? decodeMulaw : format.codec === 'alaw' ? decodeAlaw : decodePcm8;
  const out = new Int16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = decode(bytes[i]!);
  return out;
}

/** Writes one linear sample at interleaved index `index` of `bytes`, in the file's coding. */
export function encodeSampleAt(format: AudioFormat, bytes: Uint8Array, index: number, sample: number): void {
  if (format.codec === 'pcm' && format.bitsPerSample === 16) {
    const s = Math.max(-32768, Math.min(32767, Math.round(sample)));
    bytes[index * 2] = s & 0xff;
    bytes[index * 2 + 1] = (s >> 8) & 0xff;
    return;
  }
  bytes[index] = format.codec === 'mulaw' ? encodeMulaw(sample) : format.codec === 'alaw' ? encodeAlaw(sample) : encodePcm8(sample);
}

/** Per-channel linear samples → interleaved coded bytes. */
export function encodeChannels(format: AudioFormat, channels: readonly Int16Array[]): Uint8Array {
  const frames = channels[0]?.length ?? 0;
  const bytes = new Uint8Array((frames * format.channels * format.bitsPerSample) / 8);
  for (let i = 0; i < frames; i++) for (let c = 0; c < format.channels; c++) encodeSampleAt(format, bytes, i * format.channels + c, channels[c]![i]!);
  return bytes;
}
