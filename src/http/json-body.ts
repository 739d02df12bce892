import type { FastifyInstance } from 'fastify';
import { CallvaultError } from '../errors.js';

/** Largest request body accepted (413 beyond it). Call and transcript uploads have their own limits. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * JSON bodies: the bytes must be valid UTF-8 (RFC 8259 §8.1) and the text valid JSON. Node would
 * otherwise replace bad bytes with U+FFFD silently, so a name could be stored different from what
 * was sent. Prototype-poisoning keys (`__proto__`, `constructor.prototype`) are refused by Fastify's
 * own secure parser, which this wraps.
 */
export function registerJsonBodyParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: BODY_LIMIT_BYTES }, (req, body, done) => {
    const bytes = body as Buffer;
    if (bytes.length === 0) {
      done(new CallvaultError('invalid_input', 'request.empty_body', 'the body is empty but content-type is application/json'), undefined);
      return;
    }
    let text: string;
    try {
      text = strictUtf8.decode(bytes);
    } catch {
      done(new CallvaultError('invalid_input', 'request.invalid_utf8', 'the body is not valid UTF-8'), undefined);
      return;
    }
    req.rawBody = bytes; // signed webhooks (payment keypresses) verify these bytes, not a re-serialisation
    void parseJson(req, text, (err, value) => {
      if (err) done(new CallvaultError('invalid_input', 'request.invalid_json', 'the body is not valid JSON'), undefined);
      else done(null, value);
    });
  });
}
