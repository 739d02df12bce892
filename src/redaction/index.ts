/**
 * callvault's redaction engine, usable on its own: find and redact PII and card data in call
 * transcripts and chats. Imports nothing from the rest of callvault (a test checks it).
 */
export { createRedactor } from './redactor.js';
export type { ConversationInput, ConversationRedaction, DocumentRedaction, Redactor, RedactorOptions, TextRedaction } from './redactor.js';
export { detectConversation, detectText } from './engine/index.js';
export { defaultPolicy, parsePolicy, policyJsonSchema, PolicyError, DEFAULT_MIN_SCORE, PCI_MAX_VISIBLE_FIRST, PCI_MAX_VISIBLE_LAST } from './policy.js';
export type { PolicyInput } from './policy.js';
export { applyOperators, applyOperatorsToTurns, settleOverlaps, maskValue, pseudonym, OperatorError } from './operators/index.js';
export type { AppliedEdit, HashKeyProvider, OperatorContext, TokenizeCallback, TokenizeRequest } from './operators/index.js';
export { detectFormat, readDocument, redactedTimeSpans, readConversationObject, FORMAT_NAMES, FormatError } from './formats/index.js';
export type { DocumentTurn, FormatName, ParsedDocument, TimeSpan } from './formats/index.js';
export { ENTITY_TYPES } from './types.js';
export { canonicalValue } from './canonical-value.js';
export type { EntityType, Explanation, Finding, OperatorConfig, Policy, Turn, TypePolicy } from './types.js';
