import type { FastifyReply, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import { principalOf } from '../http/auth.js';
import { Empty, NoBody } from '../http/schemas.js';
import type { AppServices } from '../http/services.js';
import type { ZodApp } from '../http/types.js';
import { OverloadedError, type AudioStream } from './audio-stream.js';
import { FIELDS, KEYS } from './capture.js';
import { AUDIO_ENCODINGS, AUDIO_SAMPLE_RATES, FrameError } from './inband-audio.js';
import { paymentErrors } from './errors.js';
import { LIVE_STATES, pickView, SESSION_STATES } from './lifecycle.js';
import type { SessionRecord } from './payments-data.js';

const tags = ['payments'];
const Params = z.strictObject({ paymentId: z.uuid() });
const BrandParams = z.strictObject({ brandId: z.uuid() });

const FieldOut = z.object({ status: z.enum(['pending', 'collecting', 'valid', 'invalid']), digits: z.number(), attempts: z.number(), problem: z.string().nullable() });
const ProgressOut = z.object({
  current: z.enum(FIELDS).nullable(),
  fields: z.partialRecord(z.enum(FIELDS), FieldOut),
  cardBrand: z.string(),
  lastFour: z.string().nullable(),
  expectedDigits: z.number().nullable(),
});
/** What leaves the server about a session: masked progress, the last four at most (PCI DSS 3.4.1). */
export const PaymentOut = z.object({
  id: z.string(),
  brandId: z.string(),
  callRef: z.string(),
  agentId: z.string().nullable(),
  amountMinor: z.number(),
  currency: z.string(),
  description: z.string(),
  state: z.enum(SESSION_STATES),
  progress: ProgressOut,
  maskedCard: z.string().nullable(),
  cardBrand: z.string(),
  reason: z.string().nullable(),
  processorReference: z.string().nullable(),
  tokenId: z.string().nullable(),
  version: z.number(),
  expiresAt: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  endedAt: z.string().nullable(),
});
const SettingsOut = z.object({
  brandId: z.string(),
  processor: z.enum(['sandbox', 'webhook']),
  processorUrl: z.string().nullable(),
  recordingUrl: z.string().nullable(),
  collectPostal: z.boolean(),
  keepToken: z.boolean(),
  maxAttempts: z.number(),
  timeoutSeconds: z.number(),
  hasSigningSecret: z.boolean(),
  updatedAt: z.string(),
});
const HttpsUrl = z.url({ protocol: /^https$/ }).max(2000);
const out = (s: SessionRecord) => PaymentOut.parse(s);

/** How often an idle stream says it is still there (proxies close silent connections). */
const KEEPALIVE_MS = 15_000;

/** Payment sessions: agents start them, the telephony platform keys them, screens follow them masked. */
export function paymentRoutes(app: ZodApp, { payments }: AppServices): void {
  const streams = new Set<FastifyReply>();
  app.addHook('onClose', async () => {
    for (const reply of streams) reply.raw.end();
  });

  app.post(
    '/payments',
    {
      config: { auth: 'session' },
      schema: {
        tags,
        body: z.strictObject({
          brandId: z.uuid(),
          callRef: z.string().trim().min(1).max(200),
          amountMinor: z.number().int().min(1).max(100_000_000),
          currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD'),
          description: z.string().trim().min(1).max(200),
        }),
        response: { 201: PaymentOut },
      },
    },
    async (req, reply) => reply.code(201).send(out(await payments.create(principalOf(req), req.body))),
  );
  app.get(
    '/payments',
    {
      config: { auth: 'principal' },
      schema: {
        tags,
        querystring: z.strictObject({
          brandId: z.uuid().optional(),
          state: z.enum(SESSION_STATES).optional(),
          limit: z.coerce.number().int().min(1).max(200).optional(),
          offset: z.coerce.number().int().min(0).max(100_000).optional(),
        }),
        response: { 200: z.object({ items: z.array(PaymentOut) }) },
      },
    },
    async (req) => ({ items: (await payments.list(principalOf(req), req.query)).map(out) }),
  );
  app.get('/payments/:paymentId', { config: { auth: 'principal' }, schema: { tags, params: Params, response: { 200: PaymentOut } } }, async (req) =>
    out(await payments.get(principalOf(req), req.params.paymentId)),
  );

  // Server-Sent Events of the masked view: one `progress` event per change; the stream ends after
  // the session's final state.
  app.get('/payments/:paymentId/stream', { config: { auth: 'principal' }, schema: { tags, params: Params, response: { 200: z.string() } } }, async (req, reply) => {
    const principal = principalOf(req);
    let stop: (() => void) | undefined;
    const pending: string[] = [];
    let open = false;
    const send = (chunk: string) => (open ? reply.raw.write(chunk) : pending.push(chunk));
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      stop?.();
      clearInterval(keepalive);
      streams.delete(reply);
      reply.raw.end();
    };
    const keepalive = setInterval(() => send(': keepalive\n\n'), KEEPALIVE_MS);
    keepalive.unref();
    try {
      stop = await payments.watch(principal, req.params.paymentId, (m) => {
        send(`id: ${m.version}\nevent: progress\ndata: ${JSON.stringify(pickView(m.view))}\n\n`);
        if (!LIVE_STATES.includes(m.view.state)) setImmediate(end);
      });
    } catch (err) {
      clearInterval(keepalive);
      throw err;
    }
    reply.hijack();
    reply.raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-content-type-options': 'nosniff',
      'x-request-id': req.id,
    });
    open = true;
    streams.add(reply);
    for (const chunk of pending.splice(0)) reply.raw.write(chunk);
    req.raw.on('close', end);
    if (ended) reply.raw.end();
  });

  for (const action of ['cancel', 'charge'] as const) {
    app.post(`/payments/:paymentId/${action}`, { config: { auth: 'session' }, schema: { tags, params: Params, body: NoBody, response: { 200: PaymentOut } } }, async (req) =>
      out(await payments[action](principalOf(req), req.params.paymentId)),
    );
  }
  app.post(
    '/payments/:paymentId/reenter',
    { config: { auth: 'session' }, schema: { tags, params: Params, body: z.strictObject({ field: z.enum(FIELDS) }), response: { 200: PaymentOut } } },
    async (req) => out(await payments.reenter(principalOf(req), req.params.paymentId, req.body.field)),
  );

  // The telephony platform, one message per key: API key (payment.capture) + HMAC signature of the body.
  app.post(
    '/payments/keypresses',
    {
      config: { auth: 'principal' },
      schema: {
        tags,
        body: z.strictObject({ callRef: z.string().min(1).max(200), eventId: z.string().regex(/^[A-Za-z0-9_.:-]{1,100}$/, 'letters, digits and _.:- (1-100)'), key: z.enum(KEYS) }),
        response: { 202: z.object({ accepted: z.literal(true) }) },
      },
    },
    async (req, reply) => {
      if (!req.rawBody) throw paymentErrors.invalid_input('the keypress must be a signed application/json body');
      await payments.keypress(principalOf(req), { rawBody: req.rawBody, headers: req.headers }, req.body);
      return reply.code(202).send({ accepted: true });
    },
  );

  app.post(
    '/payments/rtp-streams',
    {
      config: { auth: 'principal' },
      schema: {
        tags,
        body: z.strictObject({
          callRef: z.string().min(1).max(200),
          ssrc: z.number().int().min(0).max(4_294_967_295),
          sourceIp: z.union([z.ipv4(), z.ipv6()]).optional(),
          payloadType: z.number().int().min(96).max(127).optional(),
        }),
        response: { 204: Empty },
      },
    },
    async (req, reply) => {
      await payments.bindRtpStream(principalOf(req), req.body);
      return reply.code(204).send();
    },
  );

  const opened = new WeakMap<FastifyRequest, AudioStream>();
  app.route({
    method: 'GET',
    url: '/payments/audio-streams',
    config: { auth: 'principal' },
    schema: {
      tags,
      description: 'WebSocket: the call audio (binary frames of up to 200 ms), whose keypad tones key the call payment session.',
      querystring: z.strictObject({
        callRef: z.string().min(1).max(200),
        encoding: z.enum(AUDIO_ENCODINGS).default('mulaw'),
        sampleRate: z.coerce.number().refine((r) => (AUDIO_SAMPLE_RATES as readonly number[]).includes(r), `one of ${AUDIO_SAMPLE_RATES.join(', ')}`).default(8000),
      }),
      response: { 101: Empty },
    },
    preHandler: async (req) => {
      opened.set(req, await payments.openAudioStream(principalOf(req), req.query));
    },
    handler: async (req) => {
      await opened.get(req)?.end();
      throw paymentErrors.websocket_required();
    },
    wsHandler: (socket, req) => serveAudio(socket, opened.get(req)),
  });

  app.get('/brands/:brandId/payment-settings', { config: { auth: 'session' }, schema: { tags, params: BrandParams, response: { 200: SettingsOut } } }, async (req) =>
    payments.settings(principalOf(req), req.params.brandId),
  );
  app.put(
    '/brands/:brandId/payment-settings',
    {
      config: { auth: 'session' },
      schema: {
        tags,
        params: BrandParams,
        body: z
          .strictObject({
            processor: z.enum(['sandbox', 'webhook']).optional(),
            processorUrl: HttpsUrl.nullable().optional(),
            recordingUrl: HttpsUrl.nullable().optional(),
            collectPostal: z.boolean().optional(),
            keepToken: z.boolean().optional(),
            maxAttempts: z.number().int().min(1).max(10).optional(),
            timeoutSeconds: z.number().int().min(60).max(1800).optional(),
          })
          .refine((b) => Object.keys(b).length > 0, 'nothing to change'),
        response: { 200: SettingsOut },
      },
    },
    async (req) => payments.updateSettings(principalOf(req), req.params.brandId, req.body),
  );
  app.post(
    '/brands/:brandId/payment-settings/signing-secret',
    { config: { auth: 'session' }, schema: { tags, params: BrandParams, body: NoBody, response: { 201: z.object({ secret: z.string() }) } } },
    async (req, reply) => reply.code(201).send(await payments.rotateSigningSecret(principalOf(req), req.params.brandId)),
  );
}

/** How long an audio stream may send nothing before it is closed. */
const AUDIO_IDLE_MS = 30_000;

/** Frames in, nothing out but the close code: the sender is told why a stream ended, never what was heard. */
function serveAudio(socket: WebSocket, stream: AudioStream | undefined): void {
  if (!stream) return void socket.close(1011, 'stream not opened');
  let ended = false;
  let idle: NodeJS.Timeout | undefined;
  const finish = (code: number, reason: string) => {
    if (ended) return;
    ended = true;
    clearTimeout(idle);
    void stream.end().catch(() => undefined);
    if (socket.readyState === socket.OPEN) socket.close(code, reason);
  };
  const awake = () => {
    clearTimeout(idle);
    idle = setTimeout(() => finish(1000, 'idle'), AUDIO_IDLE_MS);
    idle.unref();
  };
  awake();
  socket.on('message', (data, isBinary) => {
    if (ended) return;
    if (!isBinary) return finish(1003, 'binary audio frames only');
    awake();
    try {
      stream.frame(Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer));
    } catch (err) {
      if (err instanceof FrameError) finish(1007, err.problem);
      else if (err instanceof OverloadedError) finish(1008, 'overloaded');
      else finish(1011, 'internal error');
    }
  });
  socket.on('close', () => finish(1000, 'closed'));
}
