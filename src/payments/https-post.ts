import { request } from 'node:https';

/**
 * One signed POST from callvault to a brand's endpoint (processor, recording control): HTTPS
 * only, the certificate always checked (extra CAs may be trusted, never none), the answer read up
 * to a bound. Failures are named by kind so callers can say what went wrong without echoing it.
 */
export type PostFailure = 'network_error' | 'tls_error' | 'bad_answer';

export class HttpsPostError extends Error {
  constructor(readonly kind: PostFailure) {
    super(kind);
  }
}

const MAX_ANSWER_BYTES = 64 * 1024;

export function httpsPost(url: URL, headers: Record<string, string>, body: Buffer, signal: AbortSignal, ca?: string | Buffer): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const r = request(url, { method: 'POST', headers: { 'content-length': String(body.length), ...headers }, signal, ...(ca && { ca }) }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_ANSWER_BYTES) {
          res.destroy();
          reject(new HttpsPostError('bad_answer'));
        } else chunks.push(c);
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', () => reject(new HttpsPostError('network_error')));
    });
    r.on('error', (err) => reject(signal.aborted ? err : new HttpsPostError(isTlsError(err) ? 'tls_error' : 'network_error')));
    r.end(body);
  });
}

const isTlsError = (err: Error & { code?: string }) => /CERT|SSL|TLS|SELF_SIGNED/i.test(err.code ?? '');
