import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selfSignedCertificate } from '../../testing/tls.js';
import { verifySignature } from '../signing.js';
import type { ChargeRequest } from './types.js';
import { chargeWithin } from './types.js';
import { createWebhookProcessor } from './webhook.js';

const SECRET = 'cvps_test_secret';

const request = (pan: string, code = '123'): ChargeRequest => ({
  reference: 'ps-1',
  amountMinor: 1250,
  currency: 'USD',
  description: 'Renewal',
  card: { pan: Buffer.from(pan), expiry: '1230', securityCode: Buffer.from(code) },
});

describe('webhook processor over HTTPS', () => {
  let server: Server;
  let url: string;
  let cert: Buffer;
  const received: { headers: Record<string, string | string[] | undefined>; body: Buffer }[] = [];

  beforeAll(async () => {
    const tls = selfSignedCertificate();
    cert = tls.cert;
    server = createServer(tls, (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        received.push({ headers: req.headers, body });
        const card = (JSON.parse(body.toString()) as { card: { number: string } }).card.number;
        if (card === '4000000000000101') return; // never answers
        res.setHeader('content-type', 'application/json');
        if (card === '4000000000000002') return res.writeHead(402).end(JSON.stringify({ status: 'declined', reason: 'do_not_honor' }));
        if (card === '4000000000000119') return res.writeHead(503).end('{}');
        if (card === '4000000000009995') return res.writeHead(200).end('not json');
        res.writeHead(200).end(JSON.stringify({ status: 'approved', processorReference: 'ch_123' }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `https://localhost:${(server.address() as AddressInfo).port}/charge`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  const processor = () => createWebhookProcessor({ url, secret: async () => SECRET, ca: cert });

  it('posts the card signed with the brand secret, with the reference as idempotency key, and reads an approval', async () => {
    const req = request('4242424242424242');
    const outcome = await chargeWithin(processor(), req, 2000);
    expect(outcome).toEqual({ status: 'approved', processorReference: 'ch_123' });
    const last = received.at(-1)!;
    expect(verifySignature([SECRET], last.body, last.headers, new Date())).toBeNull();
    expect(last.headers['idempotency-key']).toBe('ps-1');
    expect(JSON.parse(last.body.toString())).toMatchObject({ reference: 'ps-1', amountMinor: 1250, card: { number: '4242424242424242', expiry: '1230', securityCode: '123' } });
  });

  it('maps a decline, a server error, a bad answer and silence to their outcomes', async () => {
    expect(await chargeWithin(processor(), request('4000000000000002'), 2000)).toEqual({ status: 'declined', reason: 'do_not_honor' });
    expect(await chargeWithin(processor(), request('4000000000000119'), 2000)).toEqual({ status: 'failed', reason: 'processor_unavailable' });
    expect(await chargeWithin(processor(), request('4000000000009995'), 2000)).toEqual({ status: 'failed', reason: 'processor_bad_answer' });
    expect(await chargeWithin(processor(), request('4000000000000101'), 300)).toEqual({ status: 'failed', reason: 'processor_timeout' });
  });

  it('refuses an endpoint whose certificate it cannot trust, and plain http', async () => {
    const untrusted = createWebhookProcessor({ url, secret: async () => SECRET });
    expect(await chargeWithin(untrusted, request('4242424242424242'), 2000)).toEqual({ status: 'failed', reason: 'processor_tls_error' });
    expect(() => createWebhookProcessor({ url: 'http://localhost/charge', secret: async () => SECRET })).toThrow(/https/);
  });
});
