/**
 * Secure payment capture (issue 6, in progress): the pure parts that decide what a keypad entry
 * is worth (card rules, the field-by-field capture state machine, the sandbox processor). The
 * session service, its tables and the digit adapters build on these.
 */
export { cardBrandOf, cardLengthsOf, cardNumberProblem, codeLengthOf, expiryProblem, maskedCard, type CardBrand, type CardProblem, type ExpiryProblem } from './card.js';
export { FIELDS, KEYS, fieldsFor, finishField, pressKey, reenterField, startCapture, type CaptureRules, type CaptureState, type Collected, type Field, type FieldProgress, type Key, type KeyEffect, type MaskedProgress, type StepResult } from './capture.js';
export { createNodeCodeKey, sealToNode, type NodeCodeKey } from './code-seal.js';
export { chargeWithin, type CardForCharge, type ChargeOutcome, type ChargeRequest, type Processor } from './processors/types.js';
export { createSandboxProcessor, ProcessorError, SANDBOX_CARDS } from './processors/sandbox.js';
export { signBody, verifySignature, SIGNATURE_HEADER, TIMESTAMP_HEADER, TOLERANCE_SECONDS, type SignatureProblem } from './signing.js';
export { LIVE_STATES, PaymentSession, pickView, SESSION_STATES, type PaymentOrder, type SessionState, type SessionView } from './lifecycle.js';
export { createPaymentService, type NewPayment, type PaymentDeps, type PaymentService, type PaymentTimings } from './service.js';
export { paymentRoutes, PaymentOut } from './routes.js';
export { processorFor } from './processors/index.js';
export { nodeIdOf } from './node-id.js';
export { CONNECTOR_PRINCIPAL, detokenize, type PaymentToken } from './tokens.js';
export { tokensOfCall, destroyTokensOfCall } from './call-tokens.js';
export { paymentErrors } from './errors.js';
export type { PaymentSettings, RtpBinding, SessionRecord, SettingsChange } from './payments-data.js';
export { createWebhookProcessor, type WebhookProcessorOptions } from './processors/webhook.js';
export { startRtpListener, type RtpListener, type RtpListenerStats } from './rtp-listener.js';
