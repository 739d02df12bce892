import { request } from 'node:https';
import { z } from 'zod';
import { signBody } from '../signing.js';
import { ProcessorError } from './sandbox.js';
import type { ChargeOutcome, Processor } from './types.js';

/**
 * The generic connector: the card goes to the brand's own processor endpoint over HTTPS (the
 * certificate checked, never skipped), signed like every callvault webhook (timestamp + HMAC of
 * the body with the brand's payment secret) so the endpoint knows it came from us, and the
 * charge reference doubles as its idempotency key. The endpoint answers
 * `{status: "approved", processorReference}` or `{status: "declined", reason}`; anything else is a
 * failed charge. The body holding the card is zeroed once sent.
 */
export interface WebhookProcessorOptions {
  url: string;
  secret: () => Promise<string>;
  /** Extra trusted certificate authorities (PEM), for processors behind a private CA. */
  ca?: string | Buffer;
}

const Answer = z.discriminatedUnion('status', [
  z.object({ status: z.literal('approved'), processorReference: z.string().min(1).max(200) }),
  z.object({ status: z.literal('declined'), reason: z.string().regex(/^[a-z0-9_]{1,60}$/) }),
]);
const MAX_ANSWER_BYTES = 64 * 1024;

export function createWebhookProcessor(opts: WebhookProcessorOptions): Processor {
  const url = new URL(opts.url);
  if (url.protocol !== 'https:') throw new TypeError('the processor endpoint must be https');
  return {
    name: 'webhook',
    async charge(req, signal): Promise<ChargeOutcome> {
      const secret = await opts.secret();
      // Built as bytes so the copy of the card in it can be zeroed; JSON of digits needs no escaping.
      const parts = [
        `{"reference":${JSON.stringify(req.reference)},"amountMinor":${req.amountMinor},"currency":${JSON.stringify(req.currency)},"description":${JSON.stringify(req.description)},"card":{"number":"`,
        req.card.pan,
        `","expiry":${JSON.stringify(req.card.expiry)}`,
        ...(req.card.securityCode ? [',"securityCode":"', req.card.securityCode, '"'] : []),
        ...(req.card.postalCode ? [`,"postalCode":${JSON.stringify(req.card.postalCode)}`] : []),
        '}}',
      ];
      const body = Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
      try {
        const headers = { 'content-type': 'application/json', 'content-length': String(body.length), 'idempotency-key': req.reference, ...signBody(secret, body, new Date()) };
        const { status, text } = await post(url, headers, body, signal, opts.ca);
        if (status === 402 || (status >= 200 && status < 300)) {
          let parsed: unknown;
          try {
            parsed = JSON.parse(text);
          } catch {
            throw new ProcessorError('processor_bad_answer');
          }
          const answer = Answer.safeParse(parsed);
          if (!answer.success) throw new ProcessorError('processor_bad_answer');
          return answer.data;
        }
        throw new ProcessorError(status >= 500 ? 'processor_unavailable' : 'processor_refused');
      } finally {
        body.fill(0);
      }
    },
  };
}

function post(url: URL, headers: Record<string, string>, body: Buffer, signal: AbortSignal, ca?: string | Buffer): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const r = request(url, { method: 'POST', headers, signal, ...(ca && { ca }) }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_ANSWER_BYTES) {
          res.destroy();
          reject(new ProcessorError('processor_bad_answer'));
        } else chunks.push(c);
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', () => reject(new ProcessorError('processor_network_error')));
    });
    r.on('error', (err) => reject(signal.aborted ? err : new ProcessorError(isTlsError(err) ? 'processor_tls_error' : 'processor_network_error')));
    r.end(body);
  });
}

const isTlsError = (err: Error & { code?: string }) => /CERT|SSL|TLS|SELF_SIGNED/i.test(err.code ?? '');
