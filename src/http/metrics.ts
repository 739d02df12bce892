import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { z } from 'zod';
import type { ZodApp } from './types.js';

/**
 * Prometheus metrics at GET /metrics: request counts and latency labelled by route pattern
 * (`/api/v1/users/:userId`), never the raw URL, so ids do not explode the label space or leak.
 * Each app gets its own registry, so two servers can run in one process (the scale-out test).
 */
export function registerMetrics(app: FastifyInstance): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'callvault_' });
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({ name: 'callvault_http_requests_total', help: 'HTTP requests by route and status', labelNames, registers: [registry] });
  const latency = new Histogram({
    name: 'callvault_http_request_duration_seconds',
    help: 'HTTP request latency by route',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  app.addHook('onResponse', async (req, reply) => {
    const labels = { method: req.method, route: req.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) };
    requests.inc(labels);
    latency.observe(labels, reply.elapsedTime / 1000);
  });
  (app as ZodApp).get(
    '/metrics',
    {
      config: { auth: 'public' },
      schema: { tags: ['operations'], response: { 200: z.string() } },
    },
    async (_req, reply) => {
      void reply.type(registry.contentType);
      return registry.metrics();
    },
  );
  return registry;
}
