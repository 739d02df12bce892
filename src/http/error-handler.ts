import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { CallvaultError, HTTP_STATUS } from '../errors.js';

export interface ErrorBody {
  error: string;
  message: string;
  requestId: string;
}

// Fastify's own client errors, renamed into our codes with messages that echo nothing from the request.
const FASTIFY_CLIENT_ERRORS: Record<string, [number, string, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'request.too_large', 'the body is larger than the limit'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'request.unsupported_media_type', 'send the body as application/json'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'request.invalid_length', 'content-length does not match the body'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'request.empty_body', 'the body is empty but content-type is application/json'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'request.invalid_json', 'the body is not valid JSON'],
  FST_ERR_CTP_EMPTY_TYPE: [415, 'request.unsupported_media_type', 'send the body as application/json'],
  FST_ERR_CTP_INVALID_TYPE: [415, 'request.unsupported_media_type', 'send the body as application/json'],
};

/**
 * The one place errors become HTTP answers: `{ error, message, requestId }`. A CallvaultError keeps
 * its code and status; a schema violation says which field and why; anything unexpected is a 500
 * `internal` whose answer and log carry no message text (it could hold SQL or customer data), only
 * the error's class, its code and where it was thrown.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof CallvaultError) {
      if (err.retryAfterSeconds !== undefined) void reply.header('retry-after', String(Math.ceil(err.retryAfterSeconds)));
      return send(reply, req, HTTP_STATUS[err.kind], err.code, err.message);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      return send(reply, req, 400, 'request.invalid', describeValidation(err.validationContext ?? 'body', err.validation));
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ requestId: req.id, kind: 'response_schema', issues: err.cause.issues.map((i) => i.path.join('.')) }, 'reply did not match its schema');
      return send(reply, req, 500, 'internal', 'internal error');
    }
    const known = err.code ? FASTIFY_CLIENT_ERRORS[err.code] : undefined;
    if (known) return send(reply, req, known[0], known[1], known[2]);
    if (err.statusCode === 429) return send(reply, req, 429, 'request.rate_limited', 'too many requests');
    if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
      return send(reply, req, err.statusCode, 'request.invalid', 'the request could not be processed');
    }
    req.log.error({ requestId: req.id, errorClass: err.constructor?.name, errorCode: err.code, where: stackFrames(err) }, 'unexpected error');
    return send(reply, req, 500, 'internal', 'internal error');
  });
}

/**
 * Errors Fastify raises before routing (bad percent-encoding, a path parameter over the length
 * limit): same shape, and no echo of the path, which their default messages include.
 */
export function frameworkError(err: FastifyError, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH') return send(reply, req, 414, 'request.too_long', 'a path parameter is too long');
  if (err.code === 'FST_ERR_BAD_URL') return send(reply, req, 400, 'request.bad_url', 'the URL is not validly encoded');
  return send(reply, req, 500, 'internal', 'internal error');
}

/** 404 for anything no route matched (the console's SPA fallback is registered separately). */
export function notFound(req: FastifyRequest, reply: FastifyReply): FastifyReply {
  return send(reply, req, 404, 'request.not_found', `no route for ${req.method} on this path`);
}

function send(reply: FastifyReply, req: FastifyRequest, status: number, error: string, message: string): FastifyReply {
  const body: ErrorBody = { error, message, requestId: req.id };
  return reply.code(status).type('application/json; charset=utf-8').serializer(JSON.stringify).send(body);
}

/** "body.name: Invalid input: expected string, received number" — field paths and rules, never values. */
function describeValidation(where: string, issues: { instancePath: string; message?: string; params?: unknown }[]): string {
  // An unknown field is usually a typo of a missing one: name it first, before the list is cut.
  const unknownFirst = [...issues].sort((a, b) => Number(/Unrecognized/.test(b.message ?? '')) - Number(/Unrecognized/.test(a.message ?? '')));
  const lines = unknownFirst.slice(0, 5).map((i) => {
    const path = i.instancePath.replace(/^\//, '').replaceAll('/', '.');
    return `${where}${path ? `.${path}` : ''}: ${(i.message ?? 'invalid').slice(0, 200)}`;
  });
  return lines.join('; ');
}

/** Stack frames without the first line (which repeats the message). */
function stackFrames(err: Error): string[] {
  return (err.stack ?? '').split('\n').slice(1, 8).map((l) => l.trim());
}
