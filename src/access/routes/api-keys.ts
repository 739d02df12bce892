import { z } from 'zod';
import { principalOf } from '../../http/auth.js';
import { Empty, NoBody } from '../../http/schemas.js';
import type { AppServices } from '../../http/services.js';
import type { ZodApp } from '../../http/types.js';
import { ACTIONS } from '../permissions.js';
import { ApiKeyOut } from './schemas.js';

const tags = ['api-keys'];

/**
 * API keys for integrations: managed by people only (a key cannot mint keys). The secret is in the
 * creation answer once; lists show the visible prefix, never the secret or its hash.
 */
export function apiKeyRoutes(app: ZodApp, { access }: AppServices): void {
  const BrandParams = z.strictObject({ brandId: z.uuid() });
  app.get(
    '/brands/:brandId/api-keys',
    { config: { auth: 'session' }, schema: { tags, params: BrandParams, response: { 200: z.object({ items: z.array(ApiKeyOut) }) } } },
    async (req) => ({ items: await access.apiKeys.list(principalOf(req), req.params.brandId) }),
  );
  app.post(
    '/brands/:brandId/api-keys',
    {
      config: { auth: 'session' },
      schema: {
        tags,
        params: BrandParams,
        body: z.strictObject({ name: z.string().trim().min(1).max(100), scopes: z.array(z.enum(ACTIONS)).min(1).max(ACTIONS.length), expiresInDays: z.number().int().min(1).max(365) }),
        response: { 200: z.object({ apiKey: ApiKeyOut, secret: z.string() }) },
      },
    },
    async (req) => access.apiKeys.create(principalOf(req), req.params.brandId, req.body),
  );
  app.delete(
    '/api-keys/:keyId',
    { config: { auth: 'session' }, schema: { tags, params: z.strictObject({ keyId: z.uuid() }), body: NoBody, response: { 204: Empty } } },
    async (req, reply) => {
      await access.apiKeys.revoke(principalOf(req), req.params.keyId);
      return reply.code(204).send();
    },
  );
}
