import type { AudioFormat } from './format.js';
import { decodeSamples, encodeChannels } from './samples.js';
import { wavHeader } from './wav-header.js';
import { openWav } from './wav-reader.js';

/** A whole WAV file from per-channel linear samples (tests, demo data; recordings are streamed instead). */
export function writeWav(format: AudioFormat, channels: readonly Int16Array[]): Uint8Array {
  const data = encodeChannels(format, channels);
  const header = wavHeader(format, data.length);
  const out = new Uint8Array(header.length + data.length + (data.length & 1));
  out.set(header, 0);
  out.set(data, header.length);
  return out;
}

/** A whole (small) WAV file as per-channel linear samples. */
export async function readWav(bytes: Uint8Array): Promise<{ format: AudioFormat; channels: Int16Array[] }> {
  const { header, frames } = await openWav(async function* () {
    yield bytes;
  });
  const parts: Int16Array[] = [];
  for await (const chunk of frames) parts.push(decodeSamples(header.format, chunk));
  const total = parts.reduce((n, p) => n + p.length, 0);
  const all = new Int16Array(total);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  const k = header.format.channels;
  const channels = Array.from({ length: k }, (_, c) => Int16Array.from({ length: total / k }, (_, i) => all[i * k + c]!));
  return { format: header.format, channels };
}
