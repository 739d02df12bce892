import { AudioFormatError, frameBytes, type AudioFormat } from './format.js';

export interface WavHeader {
  format: AudioFormat;
  /** Offset of the first sample byte. */
  dataOffset: number;
  /** Bytes of samples the header announces; null when a streaming recorder left it open (0 or 0xFFFFFFFF). */
  dataBytes: number | null;
}

/** Headers larger than this are not call recordings (a LIST chunk is a few hundred bytes). */
export const MAX_HEADER_BYTES = 1 << 20;

const WAVE_FORMAT_PCM = 1;
const WAVE_FORMAT_ALAW = 6;
const WAVE_FORMAT_MULAW = 7;
const WAVE_FORMAT_EXTENSIBLE = 0xfffe;

const tag = (b: Uint8Array, at: number) => String.fromCharCode(b[at]!, b[at + 1]!, b[at + 2]!, b[at + 3]!);

function codecOf(code: number, bits: number): AudioFormat['codec'] {
  if (code === WAVE_FORMAT_PCM && (bits === 16 || bits === 8)) return 'pcm';
  if (code === WAVE_FORMAT_MULAW && bits === 8) return 'mulaw';
  if (code === WAVE_FORMAT_ALAW && bits === 8) return 'alaw';
  throw new AudioFormatError('unsupported_codec', `format code ${code} with ${bits}-bit samples is not supported (PCM 8/16-bit, G.711 µ-law or A-law)`);
}

function readFmt(b: Uint8Array, at: number, size: number): AudioFormat {
  if (size < 16) throw new AudioFormatError('bad_header', `fmt chunk of ${size} bytes is too short`);
  const v = new DataView(b.buffer, b.byteOffset + at, size);
  let code = v.getUint16(0, true);
  const channels = v.getUint16(2, true);
  const sampleRate = v.getUint32(4, true);
  const blockAlign = v.getUint16(12, true);
  const bits = v.getUint16(14, true);
  if (code === WAVE_FORMAT_EXTENSIBLE) {
    if (size < 40) throw new AudioFormatError('bad_header', 'WAVE_FORMAT_EXTENSIBLE without its sub-format');
    code = v.getUint16(24, true);
  }
  const codec = codecOf(code, bits);
  if (channels < 1 || channels > 8) throw new AudioFormatError('bad_header', `${channels} channels`);
  if (sampleRate < 8000 || sampleRate > 48000) throw new AudioFormatError('unsupported_codec', `sample rate ${sampleRate} Hz (8 to 48 kHz are supported)`);
  const format: AudioFormat = { codec, sampleRate, channels, bitsPerSample: bits };
  if (blockAlign !== frameBytes(format)) throw new AudioFormatError('bad_header', `block align ${blockAlign} does not match ${channels} × ${bits}-bit samples`);
  return format;
}

/**
 * Parses the RIFF/WAVE header from the first bytes of a file: chunks in any order before `data`,
 * each padded to an even size; `LIST`, `fact` and unknown chunks are skipped. Returns null while
 * more bytes are needed.
 */
export function parseWavHeader(b: Uint8Array): WavHeader | null {
  if (b.length < 12) return null;
  if (tag(b, 0) !== 'RIFF' || tag(b, 8) !== 'WAVE') throw new AudioFormatError('not_wav', 'not a RIFF/WAVE file');
  let at = 12;
  let format: AudioFormat | undefined;
  for (;;) {
    if (at + 8 > b.length) return null;
    const id = tag(b, at);
    const size = new DataView(b.buffer, b.byteOffset + at + 4, 4).getUint32(0, true);
    if (id === 'data') {
      if (!format) throw new AudioFormatError('bad_header', 'data chunk before the fmt chunk');
      return { format, dataOffset: at + 8, dataBytes: size === 0 || size === 0xffffffff ? null : size };
    }
    const next = at + 8 + size + (size & 1);
    if (next > MAX_HEADER_BYTES) throw new AudioFormatError('bad_header', `a ${id.replace(/[^\x20-\x7e]/g, '?')} chunk of ${size} bytes before the samples`);
    if (next > b.length) return null;
    if (id === 'fmt ') format = readFmt(b, at + 8, size);
    at = next;
  }
}

/** A canonical header for `dataBytes` of samples: fmt (plus fact for G.711, as the spec asks) and data. */
export function wavHeader(format: AudioFormat, dataBytes: number): Uint8Array {
  const pcm = format.codec === 'pcm';
  const fmtSize = pcm ? 16 : 18;
  const factSize = pcm ? 0 : 12;
  const size = 12 + 8 + fmtSize + factSize + 8;
  const b = new Uint8Array(size);
  const v = new DataView(b.buffer);
  const put = (at: number, s: string) => [...s].forEach((ch, i) => (b[at + i] = ch.charCodeAt(0)));
  put(0, 'RIFF');
  v.setUint32(4, size - 8 + dataBytes + (dataBytes & 1), true);
  put(8, 'WAVE');
  put(12, 'fmt ');
  v.setUint32(16, fmtSize, true);
  v.setUint16(20, pcm ? WAVE_FORMAT_PCM : format.codec === 'mulaw' ? WAVE_FORMAT_MULAW : WAVE_FORMAT_ALAW, true);
  v.setUint16(22, format.channels, true);
  v.setUint32(24, format.sampleRate, true);
  v.setUint32(28, format.sampleRate * frameBytes(format), true);
  v.setUint16(32, frameBytes(format), true);
  v.setUint16(34, format.bitsPerSample, true);
  let at = 36;
  if (!pcm) {
    v.setUint16(at, 0, true); // cbSize
    at += 2;
    put(at, 'fact');
    v.setUint32(at + 4, 4, true);
    v.setUint32(at + 8, dataBytes / frameBytes(format), true);
    at += 12;
  }
  put(at, 'data');
  v.setUint32(at + 4, dataBytes, true);
  return b;
}
