import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { CallvaultError } from '../errors.js';

/**
 * One byte range from a `Range` header (RFC 9110 §14.1.2): `bytes=a-b`, `bytes=a-` or `bytes=-n`.
 * Multiple ranges are answered with the whole first one only, as browsers' media players ask for one.
 * `size` is needed for the suffix form; null when the header is absent.
 */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | null {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)(?:,.*)?$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) throw new CallvaultError('invalid_input', 'request.bad_range', 'Range must be bytes=start-end');
  let start: number;
  let end: number;
  if (m[1] === '') {
    start = Math.max(0, size - Number(m[2]));
    end = size;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size : Math.min(Number(m[2]) + 1, size);
  }
  if (start >= size || start >= end) throw new CallvaultError('invalid_input', 'request.range_not_satisfiable', 'the range is outside the content');
  return { start, end };
}

/** Sends `body` as a 200 or 206 answer with the range headers a media player needs. */
export function sendBytes(reply: FastifyReply, type: string, stream: { totalBytes: number; partial: boolean; start: number; end: number; body: AsyncIterable<Uint8Array> }): FastifyReply {
  void reply.header('accept-ranges', 'bytes').header('content-length', String(stream.end - stream.start)).type(type);
  if (stream.partial) void reply.code(206).header('content-range', `bytes ${stream.start}-${stream.end - 1}/${stream.totalBytes}`);
  return reply.send(Readable.from(stream.body));
}
