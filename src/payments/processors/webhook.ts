import { z } from 'zod';
import { HttpsPostError, httpsPost } from '../https-post.js';
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
        const headers = { 'content-type': 'application/json', 'idempotency-key': req.reference, ...signBody(secret, body, new Date()) };
        const { status, text } = await httpsPost(url, headers, body, signal, opts.ca).catch((err: unknown) => {
          throw err instanceof HttpsPostError ? new ProcessorError(`processor_${err.kind}`) : err;
        });
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
