import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { vaultErrors } from './errors.js';

/**
 * Large content (recordings) sealed in segments with a record key, so it can be written as a
 * stream and read back in any byte range without decrypting the rest (an audio player seeks with
 * HTTP range requests). The construction is the STREAM scheme of Hoang, Reyhanitabar, Rogaway and
 * Vizár (2015): each segment is AES-256-GCM with nonce = random prefix ‖ segment index, and the
 * last segment is marked final in its associated data, so reordering, dropping or truncating
 * segments fails authentication.
 *
 *   header (16 bytes): "CVS1" | segment size (uint32 BE) | nonce prefix (8 random bytes)
 *   segment i:         ciphertext (segment size, the last one shorter) | tag (16)
 *   AAD of segment i:  header | purpose | index (uint32 BE) | final flag (1 byte)
 */
export const SEGMENT_BYTES = 64 * 1024;
const MAGIC = Buffer.from('CVS1', 'latin1');
const HEADER = 16;
const TAG = 16;

function aad(header: Buffer, purpose: string, index: number, final: boolean): Buffer {
  const tail = Buffer.alloc(5);
  tail.writeUInt32BE(index);
  tail[4] = final ? 1 : 0;
  return Buffer.concat([header, Buffer.from(purpose, 'utf8'), tail]);
}

function nonce(header: Buffer, index: number): Buffer {
  const n = Buffer.alloc(12);
  header.copy(n, 0, 8, 16);
  n.writeUInt32BE(index, 8);
  return n;
}

/** Seals a byte stream segment by segment; memory stays at about one segment. */
export async function* sealSegments(key: Buffer, purpose: string, source: AsyncIterable<Uint8Array>, segmentBytes = SEGMENT_BYTES): AsyncGenerator<Buffer> {
  const header = Buffer.alloc(HEADER);
  MAGIC.copy(header, 0);
  header.writeUInt32BE(segmentBytes, 4);
  randomBytes(8).copy(header, 8);
  yield header;
  let index = 0;
  const sealOne = (plain: Buffer, final: boolean): Buffer => {
    const cipher = createCipheriv('aes-256-gcm', key, nonce(header, index));
    cipher.setAAD(aad(header, purpose, index, final));
    index++;
    return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  };
  let pending = Buffer.alloc(0);
  for await (const chunk of source) {
    pending = pending.length === 0 ? Buffer.from(chunk) : Buffer.concat([pending, chunk]);
    // Keep at least one byte back: the final segment must be known to be final when sealed.
    while (pending.length > segmentBytes) {
      yield sealOne(pending.subarray(0, segmentBytes), false);
      pending = pending.subarray(segmentBytes);
    }
  }
  yield sealOne(pending, true);
}

export interface SegmentedLayout {
  segmentBytes: number;
  segments: number;
  plainBytes: number;
}

/** The plaintext size and segment layout of a sealed object of `sealedBytes` bytes, from its header. */
export function segmentedLayout(header: Buffer, sealedBytes: number): SegmentedLayout {
  if (header.length < HEADER || !header.subarray(0, 4).equals(MAGIC)) throw vaultErrors.invalid_ciphertext();
  const segmentBytes = header.readUInt32BE(4);
  const body = sealedBytes - HEADER;
  if (segmentBytes === 0 || body < TAG) throw vaultErrors.invalid_ciphertext();
  const segments = Math.ceil(body / (segmentBytes + TAG));
  return { segmentBytes, segments, plainBytes: body - segments * TAG };
}

/** Where segment `i` lies in the sealed object (byte offsets, end exclusive). */
export function segmentRange(layout: SegmentedLayout, i: number, sealedBytes: number): { start: number; end: number } {
  const start = HEADER + i * (layout.segmentBytes + TAG);
  return { start, end: Math.min(start + layout.segmentBytes + TAG, sealedBytes) };
}

/**
 * Opens plaintext bytes [start, end) of a sealed object. `readSealed(from, to)` yields the sealed
 * bytes of that range (e.g. a file read stream); only the segments covering the range are read.
 */
export async function* openSegments(
  key: Buffer,
  purpose: string,
  header: Buffer,
  sealedBytes: number,
  readSealed: (from: number, to: number) => AsyncIterable<Uint8Array>,
  range?: { start: number; end: number },
): AsyncGenerator<Buffer> {
  const layout = segmentedLayout(header, sealedBytes);
  const start = range?.start ?? 0;
  const end = Math.min(range?.end ?? layout.plainBytes, layout.plainBytes);
  if (start >= end && layout.plainBytes > 0) return;
  const first = Math.floor(start / layout.segmentBytes);
  const last = layout.plainBytes === 0 ? 0 : Math.floor((end - 1) / layout.segmentBytes);
  const from = segmentRange(layout, first, sealedBytes).start;
  const to = segmentRange(layout, last, sealedBytes).end;
  let buffered = Buffer.alloc(0);
  let i = first;
  const openOne = (sealed: Buffer): Buffer => {
    const final = i === layout.segments - 1;
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, nonce(header, i));
      decipher.setAAD(aad(header, purpose, i, final));
      decipher.setAuthTag(sealed.subarray(sealed.length - TAG));
      const plain = Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG)), decipher.final()]);
      const offset = i * layout.segmentBytes;
      i++;
      return plain.subarray(Math.max(0, start - offset), Math.max(0, end - offset));
    } catch {
      throw vaultErrors.decrypt_failed();
    }
  };
  for await (const chunk of readSealed(from, to)) {
    buffered = buffered.length === 0 ? Buffer.from(chunk) : Buffer.concat([buffered, chunk]);
    while (i <= last) {
      const size = segmentRange(layout, i, sealedBytes).end - segmentRange(layout, i, sealedBytes).start;
      if (buffered.length < size) break;
      yield openOne(buffered.subarray(0, size));
      buffered = buffered.subarray(size);
    }
  }
  if (i <= last) throw vaultErrors.invalid_ciphertext(); // the object ended early: truncated
}
