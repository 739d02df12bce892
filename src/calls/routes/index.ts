import { z } from 'zod';
import { principalOf } from '../../http/auth.js';
import { parseRange, sendBytes } from '../../http/range.js';
import type { AppServices } from '../../http/services.js';
import type { ZodApp } from '../../http/types.js';
import { callErrors } from '../errors.js';
import { idempotencyKeyOf, withMultipartCall } from './ingest-body.js';
import { BrandIdParams, CallIdParams, CallMetadataIn, CallSummaryOut, FormatIn, ReviewOut, ReviewPartOut, ScorecardOut, SettingsOut } from './schemas.js';

const tags = ['calls'];
const Instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const Bytes = z.any().describe('binary body');
const PolicyIn = z.strictObject({
  policy: z.record(z.string(), z.unknown()),
  keepOriginalDays: z.number().int().min(1).max(3650).nullable(),
  audioMode: z.enum(['silence', 'tone']),
  maskDtmf: z.boolean(),
});

/**
 * Calls: ingest (integration API keys with call.ingest), QA review of redacted calls, break-glass
 * access to originals, and the brand's redaction policy. Routes parse, call one service method and
 * shape the answer; permission checks and audit events are the services' first and last lines.
 */
export function callRoutes(app: ZodApp, { calls }: AppServices): void {
  app.post(
    '/brands/:brandId/calls',
    {
      config: { auth: 'principal' },
      schema: {
        tags,
        description: 'multipart/form-data: metadata (JSON), format?, transcript, recording? (WAV, last); or JSON {metadata, transcript, format?} for a transcript alone. Header Idempotency-Key makes retries safe.',
        params: BrandIdParams,
        body: z.strictObject({ metadata: CallMetadataIn, transcript: z.string().min(1), format: FormatIn.optional() }).nullish(),
        response: { 200: z.object({ call: CallSummaryOut, duplicate: z.boolean() }), 202: z.object({ call: CallSummaryOut, duplicate: z.boolean() }) },
      },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      const idempotencyKey = idempotencyKeyOf(req);
      const run = (input: Parameters<typeof calls.ingest.ingest>[2]) => calls.ingest.ingest(principal, req.params.brandId, { ...input, ...(idempotencyKey && { idempotencyKey }) });
      let result;
      if (req.isMultipart()) result = await withMultipartCall(req, calls.limits.maxTranscriptBytes, run);
      else if (req.body) result = await run(req.body);
      else throw callErrors.bad_request('send the call as multipart/form-data or as JSON {metadata, transcript}');
      return reply.code(result.duplicate ? 200 : 202).send(result);
    },
  );

  app.get(
    '/calls',
    {
      config: { auth: 'principal' },
      schema: {
        tags,
        querystring: z.strictObject({
          brandId: z.uuid().optional(),
          from: Instant.optional(),
          to: Instant.optional(),
          agent: z.string().min(1).max(200).optional(),
          status: z.enum(['received', 'processing', 'ready', 'failed']).optional(),
          limit: z.coerce.number().int().min(1).max(200).optional(),
          before: z.string().min(1).max(200).optional(),
        }),
        response: { 200: z.object({ items: z.array(CallSummaryOut), nextBefore: z.string().nullable() }) },
      },
    },
    async (req) => {
      const q = req.query;
      return calls.review.list(principalOf(req), {
        ...(q.brandId && { brandId: q.brandId }),
        ...(q.from && { from: q.from }),
        ...(q.to && { to: q.to }),
        ...(q.agent && { agentRef: q.agent }),
        ...(q.status && { status: q.status }),
        ...(q.limit && { limit: q.limit }),
        ...(q.before && { before: q.before }),
      });
    },
  );

  app.get(
    '/calls/:callId',
    {
      config: { auth: 'principal' },
      schema: { tags, params: CallIdParams, response: { 200: CallSummaryOut.extend({ review: ReviewOut.nullable(), scorecards: z.array(ScorecardOut) }) } },
    },
    async (req) => calls.review.get(principalOf(req), req.params.callId),
  );

  app.get(
    '/calls/:callId/transcript',
    { config: { auth: 'principal' }, schema: { tags, description: 'The redacted transcript in its original format', params: CallIdParams, response: { 200: z.string() } } },
    async (req, reply) => {
      const t = await calls.review.transcript(principalOf(req), req.params.callId);
      return reply.type(t.format === 'webvtt' ? 'text/vtt' : t.format === 'srt' || t.format === 'text' ? 'text/plain; charset=utf-8' : 'application/json').send(t.content);
    },
  );

  app.get(
    '/calls/:callId/audio',
    { config: { auth: 'principal' }, schema: { tags, description: 'The redacted recording (audio/wav), with HTTP range requests', params: CallIdParams, response: { 200: Bytes, 206: Bytes } } },
    async (req, reply) => {
      const stream = await calls.review.audio(principalOf(req), req.params.callId, (size) => parseRange(req.headers.range, size));
      return sendBytes(reply, 'audio/wav', stream);
    },
  );

  app.post(
    '/calls/:callId/scorecards',
    {
      config: { auth: 'session' },
      schema: { tags, params: CallIdParams, body: z.strictObject({ score: z.number().int().min(0).max(100), notes: z.string().max(10_000) }), response: { 201: ScorecardOut } },
    },
    async (req, reply) => reply.code(201).send(await calls.review.score(principalOf(req), req.params.callId, req.body)),
  );

  app.post(
    '/calls/:callId/break-glass',
    {
      config: { auth: 'session' },
      schema: {
        tags,
        params: CallIdParams,
        body: z.strictObject({ reason: z.string().trim().min(10).max(2000) }),
        response: { 201: z.object({ id: z.string(), callId: z.string(), expiresAt: z.date(), originalAvailable: z.boolean() }) },
      },
    },
    async (req, reply) => reply.code(201).send(await calls.breakGlass.request(principalOf(req), req.params.callId, req.body.reason)),
  );

  app.get(
    '/calls/:callId/original',
    {
      config: { auth: 'session' },
      schema: { tags, params: CallIdParams, response: { 200: z.object({ format: z.string(), content: z.string(), grantExpiresAt: z.date() }) } },
    },
    async (req) => calls.breakGlass.originalTranscript(principalOf(req), req.params.callId),
  );

  app.get(
    '/calls/:callId/original/audio',
    { config: { auth: 'session' }, schema: { tags, description: 'The original recording under a live break-glass grant', params: CallIdParams, response: { 200: Bytes, 206: Bytes } } },
    async (req, reply) => {
      const stream = await calls.breakGlass.originalAudio(principalOf(req), req.params.callId, (size) => parseRange(req.headers.range, size));
      return sendBytes(reply, 'audio/wav', stream);
    },
  );

  app.get(
    '/brands/:brandId/redaction-policy',
    { config: { auth: 'principal' }, schema: { tags, params: BrandIdParams, response: { 200: SettingsOut } } },
    async (req) => calls.policies.get(principalOf(req), req.params.brandId),
  );

  app.put(
    '/brands/:brandId/redaction-policy',
    { config: { auth: 'session' }, schema: { tags, params: BrandIdParams, body: PolicyIn, response: { 200: SettingsOut } } },
    async (req) => calls.policies.put(principalOf(req), req.params.brandId, req.body),
  );

  app.post(
    '/brands/:brandId/redaction-policy/preview',
    {
      config: { auth: 'session' },
      schema: {
        tags,
        description: 'Redacts pasted text under the given policy (or the saved one); nothing is stored',
        params: BrandIdParams,
        body: z.strictObject({ text: z.string().max(100_000), policy: z.record(z.string(), z.unknown()).optional() }),
        response: { 200: z.object({ parts: z.array(ReviewPartOut), counts: z.record(z.string(), z.number().int()) }) },
      },
    },
    async (req) => calls.policies.preview(principalOf(req), req.params.brandId, req.body),
  );
}
