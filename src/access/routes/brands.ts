import { z } from 'zod';
import { principalOf } from '../../http/auth.js';
import type { AppServices } from '../../http/services.js';
import type { ZodApp } from '../../http/types.js';
import { BrandOut } from './schemas.js';

const tags = ['brands'];
const BrandName = z.string().trim().min(1).max(200);
const BrandParams = z.strictObject({ brandId: z.uuid() });

/** Brands (the BPO's clients, our tenants). Listing shows only the brands the caller may see. */
export function brandRoutes(app: ZodApp, { access }: AppServices): void {
  app.get('/brands', { config: { auth: 'principal' }, schema: { tags, response: { 200: z.object({ items: z.array(BrandOut) }) } } }, async (req) => ({
    items: await access.brands.list(principalOf(req)),
  }));
  app.post(
    '/brands',
    { config: { auth: 'session' }, schema: { tags, body: z.strictObject({ name: BrandName, agentMfaRequired: z.boolean().optional() }), response: { 200: BrandOut } } },
    async (req) => access.brands.create(principalOf(req), req.body),
  );
  app.patch(
    '/brands/:brandId',
    {
      config: { auth: 'session' },
      schema: { tags, params: BrandParams, body: z.strictObject({ name: BrandName.optional(), agentMfaRequired: z.boolean().optional() }), response: { 200: BrandOut } },
    },
    async (req) => access.brands.update(principalOf(req), req.params.brandId, req.body),
  );
}
