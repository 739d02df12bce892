import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { drainUpload } from '../../http/drain-upload.js';
import { callErrors } from '../errors.js';
import type { IngestInput } from '../ingest.js';
import { CallMetadataIn, FormatIn } from './schemas.js';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,200}$/;

export function idempotencyKeyOf(req: FastifyRequest): string | undefined {
  const raw = req.headers['idempotency-key'];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !IDEMPOTENCY_KEY.test(raw)) throw callErrors.bad_request('Idempotency-Key: 1 to 200 letters, digits and . _ : -');
  return raw;
}

function parsed<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const r = schema.safeParse(value);
  if (!r.success) throw callErrors.bad_metadata(`${what}: ${r.error.issues.map((i) => `${i.path.join('.') || '(value)'} ${i.message}`).join('; ')}`);
  return r.data;
}

function json(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw callErrors.bad_metadata(`${what}: not valid JSON`);
  }
}

async function text(file: AsyncIterable<Buffer>, limit: number, what: string): Promise<string> {
  const parts: Buffer[] = [];
  let n = 0;
  for await (const c of file) {
    n += c.length;
    if (n > limit) throw callErrors.too_large(`${what} is larger than ${limit} bytes`);
    parts.push(c);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(parts));
  } catch {
    throw callErrors.bad_transcript(`${what} is not valid UTF-8`);
  }
}

/**
 * The parts of a multipart call upload, in order: `metadata` (JSON), optional `format`,
 * `transcript` (field or file), then optionally `recording` (a WAV file, last, streamed straight
 * into the sealed object store rather than buffered). `consume` runs the ingest while the
 * recording streams.
 */
export async function withMultipartCall<T>(req: FastifyRequest, maxTranscriptBytes: number, consume: (input: Omit<IngestInput, 'idempotencyKey'>) => Promise<T>): Promise<T> {
  let metadata: IngestInput['metadata'] | undefined;
  let format: IngestInput['format'];
  let transcript: string | undefined;
  const ready = () => {
    if (!metadata) throw callErrors.bad_metadata('the metadata part must come first');
    if (transcript === undefined) throw callErrors.bad_transcript('the transcript part is missing (it must come before the recording)');
    return { metadata, transcript, ...(format && { format }) };
  };
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      if (part.fieldname === 'transcript') transcript = await text(part.file, maxTranscriptBytes, 'the transcript');
      else if (part.fieldname === 'metadata') metadata = parsed(CallMetadataIn, json(await text(part.file, 64 * 1024, 'metadata'), 'metadata'), 'metadata');
      else if (part.fieldname === 'recording') {
        try {
          return await consume({ ...ready(), recording: part.file });
        } finally {
          await drainUpload(part.file);
        }
      }
      else throw callErrors.bad_request(`unexpected file part "${part.fieldname.slice(0, 40)}"`);
    } else {
      const value = typeof part.value === 'string' ? part.value : '';
      if (part.fieldname === 'metadata') metadata = parsed(CallMetadataIn, json(value, 'metadata'), 'metadata');
      else if (part.fieldname === 'format') format = parsed(FormatIn, value, 'format');
      else if (part.fieldname === 'transcript') transcript = value;
      else throw callErrors.bad_request(`unexpected field "${part.fieldname.slice(0, 40)}"`);
    }
  }
  return consume(ready());
}
