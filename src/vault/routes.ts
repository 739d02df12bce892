import { z } from 'zod';
import { principalOf } from '../http/auth.js';
import { NoBody } from '../http/schemas.js';
import type { AppServices } from '../http/services.js';
import type { ZodApp } from '../http/types.js';

/**
 * Key rotation for a brand (PCI DSS 3.7.4: keys changed at the end of their cryptoperiod): a new
 * data-key version for new writes; a background job re-encrypts older records. People only.
 */
export function vaultRoutes(app: ZodApp, { keys }: AppServices): void {
  app.post(
    '/brands/:brandId/keys/rotate',
    {
      config: { auth: 'session' },
      schema: {
        tags: ['keys'],
        params: z.strictObject({ brandId: z.uuid() }),
        body: NoBody,
        response: { 200: z.object({ version: z.number().int(), jobId: z.number().int() }) },
      },
    },
    async (req) => {
      const r = await keys.rotate(principalOf(req), { brandId: req.params.brandId });
      return { version: r.version, jobId: r.jobId };
    },
  );
}
