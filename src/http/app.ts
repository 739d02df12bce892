import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { accessRoutes } from '../access/routes/index.js';
import { alertRoutes } from '../anomalies/index.js';
import { auditRoutes } from '../audit/routes.js';
import { callRoutes } from '../calls/routes/index.js';
import { complianceRoutes } from '../compliance/index.js';
import { incidentRoutes } from '../incidents/index.js';
import { paymentRoutes } from '../payments/index.js';
import { retentionRoutes } from '../retention/index.js';
import { subjectRequestRoutes } from '../subject-requests/index.js';
import { questionnaireRoutes } from '../questionnaires/index.js';
import { recertRoutes } from '../recertification/index.js';
import { trainingRoutes } from '../training/index.js';
import { vendorRoutes } from '../vendors/index.js';
import { vaultRoutes } from '../vault/routes.js';
import { registerAuth } from './auth.js';
import { registerConsole } from './console.js';
import { frameworkError, notFound, registerErrorHandler } from './error-handler.js';
import { registerHealthRoutes } from './health.js';
import { BODY_LIMIT_BYTES, registerJsonBodyParser } from './json-body.js';
import { loggerOptions } from './logger.js';
import { registerMetrics } from './metrics.js';
import { registerOpenApi, registerOpenApiRoute } from './openapi.js';
import { requestIdFor } from './request-id.js';
import { enforceRoutePolicy, type RouteEntry } from './route-policy.js';
import { registerSecurityHeaders } from './security-headers.js';
import type { AppServices, RouteModule } from './services.js';
import type { ZodApp } from './types.js';

/** Each module registers its own routes; this list is the only place they meet. */
const ROUTE_MODULES: readonly RouteModule[] = [accessRoutes, auditRoutes, vaultRoutes, callRoutes, alertRoutes, incidentRoutes, paymentRoutes, questionnaireRoutes, recertRoutes, trainingRoutes, subjectRequestRoutes, retentionRoutes, vendorRoutes, complianceRoutes];

export interface BuildAppOptions {
  /** Folder of the built console; false serves none (tests that do not need it). Default console/dist. */
  consoleDir?: string | false;
  /** Where log lines go instead of stdout (tests read them to prove no card data is logged). */
  logStream?: { write(line: string): void };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route added (method, url, declared auth): the authorization matrix walks it. */
    routeTable: readonly RouteEntry[];
  }
}

/**
 * The HTTP application: plugins, the error handler, auth resolution, operations routes and every
 * module's routes under /api/v1. Holds no state of its own (sessions, rate limits and audit chain
 * heads live in the database), so any number of servers can run on one database.
 */
export async function buildApp(services: AppServices, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const { config } = services;
  const app = Fastify({
    logger: loggerOptions(config.logLevel, options.logStream),
    bodyLimit: BODY_LIMIT_BYTES,
    requestIdHeader: false,
    ...(config.trustProxy && { trustProxy: config.trustProxy }),
    genReqId: requestIdFor,
    routerOptions: { maxParamLength: 200 },
    frameworkErrors: (err, req, reply) => void frameworkError(err, req, reply),
  }).withTypeProvider<ZodTypeProvider>();

  app.decorate('routeTable', enforceRoutePolicy(app));
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  registerJsonBodyParser(app);
  app.addHook('onRequest', async (req, reply) => {
    void reply.header('x-request-id', req.id);
    // Answers about people and keys must not sit in shared caches (PCI DSS 3.3 spirit; RFC 9111 §5.2.2.5).
    if (req.url.startsWith('/api/')) void reply.header('cache-control', 'no-store');
  });

  await registerSecurityHeaders(app, config.publicUrl);
  await app.register(cookie);
  // Call uploads (transcript + recording): parts are streamed, the recording straight into the
  // sealed object store; the calls service enforces its own size limits as it reads.
  await app.register(multipart, { limits: { fields: 4, files: 3, parts: 6, fieldSize: services.calls.limits.maxTranscriptBytes, fileSize: services.calls.limits.maxRecordingBytes }, throwFileSizeLimit: true });
  // In-band payment audio: small binary frames only (a 200 ms frame of 16 kHz PCM is 6.4 KB).
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  await registerOpenApi(app);
  registerMetrics(app);
  registerAuth(app, services.access, config.secureCookies);

  registerHealthRoutes(app as ZodApp, services.db);
  registerOpenApiRoute(app as ZodApp);
  await app.register(
    async (api) => {
      for (const register of ROUTE_MODULES) register(api as ZodApp, services);
    },
    { prefix: '/api/v1' },
  );
  if (options.consoleDir !== false) await registerConsole(app, options.consoleDir);
  else app.setNotFoundHandler(notFound);
  return app;
}
