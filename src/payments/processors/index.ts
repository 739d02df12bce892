import type { Db } from '../../db/types.js';
import type { Vault } from '../../vault/index.js';
import { signingSecrets, type PaymentSettings } from '../payments-data.js';
import { createSandboxProcessor, ProcessorError } from './sandbox.js';
import type { Processor } from './types.js';
import { createWebhookProcessor } from './webhook.js';

/** The processor connector a brand's settings name; the webhook one signs with the brand's current payment secret. */
export function processorFor(deps: { db: Db; vault: Vault; ca?: string | Buffer }): (settings: PaymentSettings) => Processor {
  const sandbox = createSandboxProcessor();
  const unconfigured: Processor = {
    name: 'webhook',
    charge: async () => {
      throw new ProcessorError('processor_not_configured');
    },
  };
  return (settings) => {
    if (settings.processor === 'sandbox') return sandbox;
    if (!settings.processorUrl) return unconfigured; // fail closed: never fall back to the sandbox
    return createWebhookProcessor({
      url: settings.processorUrl,
      ...(deps.ca && { ca: deps.ca }),
      secret: async () => {
        const [current] = await signingSecrets(deps.vault, deps.db, settings.brandId);
        if (!current) throw new Error('the brand has no payment signing secret');
        return current.toString('utf8');
      },
    });
  };
}
