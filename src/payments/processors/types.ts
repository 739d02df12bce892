/**
 * A processor connector: it receives the card only at the moment of the charge and answers with an
 * outcome. The card and code arrive in Buffers the caller zeroes once the call returns, so no copy
 * of them outlives the authorization in this process's memory (PCI DSS 3.3.1.2: the code is never
 * kept after authorization).
 */
export interface CardForCharge {
  pan: Buffer;
  /** MMYY */
  expiry: string;
  /** Absent when charging a stored token (the code is never kept). */
  securityCode?: Buffer;
  postalCode?: string;
}

export interface ChargeRequest {
  /** Our session id: the processor's idempotency key, so a retried charge is not taken twice. */
  reference: string;
  amountMinor: number;
  currency: string;
  description: string;
  card: CardForCharge;
}

export type ChargeOutcome =
  | { status: 'approved'; processorReference: string }
  | { status: 'declined'; reason: string }
  | { status: 'failed'; reason: string };

export interface Processor {
  readonly name: 'sandbox' | 'webhook';
  charge(request: ChargeRequest, signal: AbortSignal): Promise<ChargeOutcome>;
}

/** Runs a charge with a deadline: a processor that does not answer in time is a failure, not a hang. */
export async function chargeWithin(processor: Processor, request: ChargeRequest, timeoutMs: number): Promise<ChargeOutcome> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    return await processor.charge(request, signal);
  } catch (err) {
    if (signal.aborted) return { status: 'failed', reason: 'processor_timeout' };
    return { status: 'failed', reason: err instanceof Error && err.name === 'ProcessorError' ? err.message : 'processor_error' };
  }
}
