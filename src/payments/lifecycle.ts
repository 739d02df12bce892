import { pressKey, finishField, reenterField, startCapture, type CaptureRules, type CaptureState, type Field, type Key, type KeyEffect, type MaskedProgress } from './capture.js';
import { cardBrandOf, maskedCard, type CardBrand } from './card.js';
import { chargeWithin, type ChargeOutcome, type Processor } from './processors/types.js';

/**
 * One payment session's life, independent of where it is stored: the capture, the states and
 * which moves are allowed, and the charge, after which the card digits held in memory are zeroed.
 * The session service persists `view()` (masked) and never the digits.
 */
export const SESSION_STATES = ['collecting', 'ready', 'processing', 'succeeded', 'declined', 'failed', 'cancelled', 'expired'] as const;
export type SessionState = (typeof SESSION_STATES)[number];
export const LIVE_STATES: readonly SessionState[] = ['collecting', 'ready', 'processing'];

export interface SessionView {
  state: SessionState;
  progress: MaskedProgress;
  /** `•••• •••• •••• 4242` once the card number is valid. */
  maskedCard: string | null;
  cardBrand: CardBrand;
  /** Why it failed or was declined (a code), null otherwise. */
  reason: string | null;
  processorReference: string | null;
}

export interface PaymentOrder {
  reference: string;
  amountMinor: number;
  currency: string;
  description: string;
}

export class PaymentSession {
  #state: SessionState = 'collecting';
  #capture: CaptureState;
  #reason: string | null = null;
  #processorReference: string | null = null;

  constructor(
    readonly order: PaymentOrder,
    private readonly rules: Omit<CaptureRules, 'now'>,
  ) {
    this.#capture = startCapture(rules);
  }

  get state(): SessionState {
    return this.#state;
  }

  view(): SessionView {
    const p = this.#capture.progress;
    return { state: this.#state, progress: p, maskedCard: p.lastFour ? maskedCard(p.lastFour) : null, cardBrand: p.cardBrand, reason: this.#reason, processorReference: this.#processorReference };
  }

  /** A key from any adapter; ignored unless collecting. */
  press(key: Key, now: Date): KeyEffect {
    if (this.#state !== 'collecting') return 'ignored';
    const step = pressKey(this.#capture, key, { ...this.rules, now });
    this.#capture = step.state;
    if (step.ready) this.#state = 'ready';
    if (step.exhausted) this.#end('failed', 'attempts_exhausted');
    return step.effect;
  }

  /** The customer stopped keying: the field ends as on `#`. */
  pause(now: Date): KeyEffect {
    if (this.#state !== 'collecting') return 'ignored';
    const step = finishField(this.#capture, { ...this.rules, now });
    this.#capture = step.state;
    if (step.ready) this.#state = 'ready';
    if (step.exhausted) this.#end('failed', 'attempts_exhausted');
    return step.effect;
  }

  reenter(field: Field): boolean {
    if (this.#state !== 'collecting' && this.#state !== 'ready') return false;
    this.#capture = reenterField(this.#capture, field, this.rules);
    this.#state = 'collecting';
    return true;
  }

  cancel(): boolean {
    if (this.#state !== 'collecting' && this.#state !== 'ready') return false;
    this.#end('cancelled', null);
    return true;
  }

  expire(): boolean {
    if (this.#state !== 'collecting' && this.#state !== 'ready') return false;
    this.#end('expired', 'session_timeout');
    return true;
  }

  /**
   * Charges a ready session; the card and code Buffers are zeroed when the processor has answered.
   * `onApproved` sees the card (never the code) once, before the zeroing: that is where a brand
   * that keeps cards seals the number into a token.
   */
  async charge(processor: Processor, timeoutMs: number, onApproved?: (card: { pan: Buffer; expiry: string }) => Promise<void>): Promise<ChargeOutcome> {
    if (this.#state !== 'ready') throw new Error(`a ${this.#state} session cannot be charged`);
    this.#state = 'processing';
    const c = this.#capture.collected;
    const pan = Buffer.from(c.card_number ?? '', 'latin1');
    const securityCode = Buffer.from(c.security_code ?? '', 'latin1');
    this.#forgetDigits();
    try {
      const outcome = await chargeWithin(processor, { ...this.order, card: { pan, expiry: c.expiry ?? '', securityCode, ...(c.postal_code && { postalCode: c.postal_code }) } }, timeoutMs);
      if (outcome.status === 'approved') {
        this.#state = 'succeeded';
        this.#processorReference = outcome.processorReference;
        if (onApproved) await onApproved({ pan, expiry: c.expiry ?? '' });
      } else this.#end(outcome.status, outcome.reason);
      return outcome;
    } finally {
      pan.fill(0);
      securityCode.fill(0);
    }
  }

  /** Ends a live session that cannot go on (its server is stopping); a charge under way finishes first. */
  fail(reason: string): boolean {
    if (this.#state !== 'collecting' && this.#state !== 'ready') return false;
    this.#end('failed', reason);
    return true;
  }

  /** Brand of the card keyed so far (for routing and display). */
  get cardBrand(): CardBrand {
    return cardBrandOf(this.#capture.collected.card_number ?? '');
  }

  #end(state: SessionState, reason: string | null): void {
    this.#state = state;
    this.#reason = reason;
    this.#forgetDigits();
  }

  #forgetDigits(): void {
    // JS strings cannot be overwritten; dropping every reference lets them be collected. The
    // Buffers handed to the processor are the copies that get zeroed.
    this.#capture = { ...this.#capture, collected: {}, buffer: '' };
  }
}

/** The masked view alone (a stored session carries more): what a screen receives. */
export function pickView(s: SessionView): SessionView {
  return { state: s.state, progress: s.progress, maskedCard: s.maskedCard, cardBrand: s.cardBrand, reason: s.reason, processorReference: s.processorReference };
}
