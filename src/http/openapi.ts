import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ZodApp } from './types.js';

/** Collects every route's zod schemas into an OpenAPI 3.1 document; call before any route is added. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'callvault', version: '1', description: 'Customer-data protection for contact centers (see docs/api.md).' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'cv_session' },
          apiKey: { type: 'http', scheme: 'bearer', description: 'cvk_<prefix>_<secret>' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
}

/** GET /openapi.json: the document itself (public: it describes shapes, never data). */
export function registerOpenApiRoute(app: ZodApp): void {
  app.get(
    '/openapi.json',
    { config: { auth: 'public' }, schema: { tags: ['operations'], response: { 200: z.record(z.string(), z.unknown()) } } },
    async () => app.swagger() as unknown as Record<string, unknown>,
  );
}
