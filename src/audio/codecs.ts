/**
 * G.711 µ-law and A-law (ITU-T G.711), and 8-bit unsigned PCM, to and from 16-bit linear. Decoding
 * is a 256-entry table; encoding follows the standard segment search.
 */

const MULAW_BIAS = 0x84;
const MULAW_CLIP = 32635;

function mulawToLinear(byte: number): number {
  const u = ~byte & 0xff;
  const t = (((u & 0x0f) << 3) + MULAW_BIAS) << ((u & 0x70) >> 4);
  return u & 0x80 ? MULAW_BIAS - t : t - MULAW_BIAS;
}

function alawToLinear(byte: number): number {
  const a = byte ^ 0x55;
  const seg = (a & 0x70) >> 4;
  let t = (a & 0x0f) << 4;
  t = seg === 0 ? t + 8 : seg === 1 ? t + 0x108 : (t + 0x108) << (seg - 1);
  return a & 0x80 ? t : -t;
}

const MULAW_TABLE = Int16Array.from({ length: 256 }, (_, i) => mulawToLinear(i));
const ALAW_TABLE = Int16Array.from({ length: 256 }, (_, i) => alawToLinear(i));

export const decodeMulaw = (byte: number): number => MULAW_TABLE[byte & 0xff]!;
export const decodeAlaw = (byte: number): number => ALAW_TABLE[byte & 0xff]!;

export function encodeMulaw(sample: number): number {
  let s = Math.max(-32768, Math.min(32767, Math.round(sample)));
  const sign = s < 0 ? 0x80 : 0;
  if (s < 0) s = -s;
  if (s > MULAW_CLIP) s = MULAW_CLIP;
  s += MULAW_BIAS;
  let exponent = 7;
  for (let mask = 0x4000; (s & mask) === 0 && exponent > 0; mask >>= 1) exponent--;
  const mantissa = (s >> (exponent + 3)) & 0x0f;
  return ~(sign | (exponent << 4) | mantissa) & 0xff;
}

export function encodeAlaw(sample: number): number {
  let s = Math.max(-32768, Math.min(32767, Math.round(sample)));
  const sign = s >= 0 ? 0x80 : 0;
  if (s < 0) s = -s - 1;
  let out: number;
  if (s < 256) out = s >> 4;
  else {
    let seg = 1;
    for (let v = s >> 8; v > 1 && seg < 7; v >>= 1) seg++;
    out = (seg << 4) | ((s >> (seg + 3)) & 0x0f);
  }
  return (out | sign) ^ 0x55;
}

export const decodePcm8 = (byte: number): number => ((byte & 0xff) - 128) << 8;
export const encodePcm8 = (sample: number): number => Math.max(0, Math.min(255, Math.round(sample / 256) + 128));
