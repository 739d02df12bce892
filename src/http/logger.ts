import type { FastifyServerOptions } from 'fastify';
import type { Config } from '../config.js';

/**
 * Structured JSON logs (pino) that carry ids only: method, route pattern (never the raw URL, whose
 * query string could hold a search term), status, timing and the request id. Cookies and
 * Authorization headers are redacted should anything ever log headers (PCI DSS 3.3 / 10.3).
 */
export function loggerOptions(level: Config['logLevel'], stream?: { write(line: string): void }): FastifyServerOptions['logger'] {
  if (level === 'silent') return false;
  return {
    level,
    ...(stream && { stream }),
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', 'headers.cookie', 'headers.authorization'],
      censor: '[redacted]',
    },
    serializers: {
      req(req: { method: string; routeOptions?: { url?: string }; id: string }) {
        return { method: req.method, route: req.routeOptions?.url ?? '(unmatched)', requestId: req.id };
      },
      res(res: { statusCode: number }) {
        return { statusCode: res.statusCode };
      },
    },
  };
}
