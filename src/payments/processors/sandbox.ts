import { createHash } from 'node:crypto';
import type { ChargeOutcome, Processor } from './types.js';

/**
 * The sandbox processor: documented test cards with fixed outcomes, like the test modes of card
 * processors. Any other valid card is approved. Nothing is charged and nothing is kept.
 */
export const SANDBOX_CARDS = {
  '4242424242424242': 'approved',
  '5555555555554444': 'approved',
  '378282246310005': 'approved',
  '4000000000000002': 'declined',
  '4000000000009995': 'insufficient_funds',
  '4000000000000119': 'network_error',
  '4000000000000101': 'timeout',
} as const;

export class ProcessorError extends Error {
  override name = 'ProcessorError';
}

export function createSandboxProcessor(): Processor {
  return {
    name: 'sandbox',
    async charge(request, signal): Promise<ChargeOutcome> {
      const behaviour = (SANDBOX_CARDS as Record<string, string | undefined>)[request.card.pan.toString('latin1')] ?? 'approved';
      switch (behaviour) {
        case 'declined':
          return { status: 'declined', reason: 'card_declined' };
        case 'insufficient_funds':
          return { status: 'declined', reason: 'insufficient_funds' };
        case 'network_error':
          throw new ProcessorError('network_error');
        case 'timeout':
          // Never answers: the caller's deadline decides.
          return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
        default:
          return { status: 'approved', processorReference: `sbx_${createHash('sha256').update(request.reference).digest('hex').slice(0, 24)}` };
      }
    },
  };
}
