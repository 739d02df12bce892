import type { EntityType, OperatorConfig } from '../types.js';

/** What a tokenize operator hands the vault: the value and where it came from (never logged). */
export interface TokenizeRequest {
  type: EntityType;
  turn: number;
  entityId?: string;
}

/**
 * Supplied by the caller (the vault): stores the value and returns an opaque token that replaces
 * it in the text. Detokenize is a different permission and lives in the vault, not here.
 */
export type TokenizeCallback = (value: string, request: TokenizeRequest) => string | Promise<string>;

/** Supplies the HMAC key for the hash operator, per key id (e.g. one key per brand). */
export type HashKeyProvider = (keyId: string | undefined) => Uint8Array | string;

export interface OperatorContext {
  hashKey?: HashKeyProvider;
  tokenize?: TokenizeCallback;
}

/** Where one value being redacted sits. */
export interface OperatorTarget {
  type: EntityType;
  turn: number;
  entityId?: string;
}

/**
 * One way of redacting a value (Presidio anonymizer shape). An entity split across turns is
 * handed over whole (pieces joined with PIECE_SEPARATOR): character-preserving operators keep
 * the separator so the result is cut back into pieces; the others produce one replacement for
 * the first piece and `continuation()` for the rest.
 */
export interface Operator<C extends OperatorConfig = OperatorConfig> {
  readonly kind: C['kind'];
  /** true when the output has the same length as the input, character for character (mask). */
  readonly preservesCharacters: boolean;
  /** Checks up front what the operator will need at run time (e.g. a key), so a run fails before it starts. */
  check?(config: C, ctx: OperatorContext): void;
  apply(value: string, config: C, target: OperatorTarget, ctx: OperatorContext): string | Promise<string>;
  /** What later pieces of a split entity become; default: the same output as the first piece. */
  continuation?(output: string, config: C, target: OperatorTarget): string;
}

/** Joins the pieces of a split entity; not a letter or digit, so masks leave it alone. */
export const PIECE_SEPARATOR = '\u0000';

/** Raised when an operator cannot run (missing key or callback). Never carries the value. */
export class OperatorError extends Error {
  override name = 'OperatorError';
  readonly code = 'redaction.operator_unavailable';
}
