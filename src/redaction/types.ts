/**
 * The redaction engine's public types. The engine is pure: it imports nothing from the rest of
 * callvault (a test enforces it), so it can be used as a library on its own.
 */

/** Canonical entity names: the contract with ../shared/eval and with policies. */
export const ENTITY_TYPES = [
  'PERSON',
  'EMAIL',
  'PHONE',
  'ADDRESS',
  'POSTAL_CODE',
  'CREDIT_CARD',
  'CARD_EXPIRY',
  'CARD_CVV',
  'SSN',
  'DATE_OF_BIRTH',
  'BANK_ACCOUNT',
  'ROUTING_NUMBER',
  'IBAN',
  'IP_ADDRESS',
  'USERNAME',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** One turn of a conversation. A plain text is a conversation of one turn with no speaker. */
export interface Turn {
  speaker?: string;
  text: string;
}

/** Why a finding was made: which detector and pattern fired, and how its score moved. Never the value. */
export interface Explanation {
  detector: string;
  pattern: string;
  /** Score the pattern starts with. */
  baseScore: number;
  /** true: a checksum or rule confirmed it; false: it failed but was kept (fail closed); undefined: no validator. */
  validated?: boolean;
  /** What context words (in the turn or the previous agent question) added. */
  contextBoost: number;
  finalScore: number;
  /** Short machine-readable notes, e.g. 'spoken-digits', 'split-across-turns', 'name-memory'. */
  notes: string[];
}

/** A detected entity. Offsets are UTF-16 code units into the turn's text, end exclusive. */
export interface Finding {
  type: EntityType;
  start: number;
  end: number;
  /** Index of the turn (0 for a plain text). */
  turn: number;
  score: number;
  /** Pieces of one entity split across turns (a card dictated in chunks) share this id. */
  entityId?: string;
  explanation: Explanation;
}

/** How one entity type is redacted. */
export type OperatorConfig =
  | { kind: 'replace'; template?: string } // default: `[TYPE]`
  | { kind: 'mask'; char?: string; keepLast?: number; keepFirst?: number } // PCI DSS 3.4.1: BIN (first 6) + last 4 at most
  | { kind: 'hash'; keyId?: string } // keyed HMAC-SHA256: stable pseudonym within a brand
  | { kind: 'remove' }
  | { kind: 'tokenize' }; // through the TokenizeCallback the vault provides

export interface TypePolicy {
  redact: boolean;
  /** Findings scoring below this are dropped. */
  minScore: number;
  operator: OperatorConfig;
}

/** A brand's redaction policy (parsed and defaulted by policy.ts). */
export interface Policy {
  types: Record<EntityType, TypePolicy>;
}

/** A word of a turn with its offsets in the original text. */
export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
}

/**
 * A turn rewritten with spoken numbers as digits ("four one one one" -> "4111", "double five" ->
 * "55", "oh" -> "0"), spoken emails as typed ("john dot smith at gmail dot com" ->
 * "john.smith@gmail.com") and spelled letters joined, with an exact map back to the original.
 * Detectors run their patterns on `text` and report original offsets through `toOriginal`.
 */
export interface NormalizedView {
  readonly text: string;
  /** Maps [start, end) in `text` to [start, end) in the turn's original text. */
  toOriginal(start: number, end: number): [number, number];
}

/** One turn as detectors see it: raw text plus the analyses they share (computed once). */
export interface TurnView {
  readonly index: number;
  readonly speaker: string | undefined;
  readonly text: string;
  readonly lower: string;
  readonly tokens: readonly Token[];
  readonly normalized: NormalizedView;
}

/** The whole conversation: detectors see every turn, so the agent's question gives context to the answer. */
export interface ConversationView {
  readonly turns: readonly TurnView[];
}

/** What a detector proposes; the engine scores context, validates, settles overlaps and makes Findings. */
export interface Candidate {
  type: EntityType;
  turn: number;
  /** Offsets in the original turn text. */
  start: number;
  end: number;
  pattern: string;
  baseScore: number;
  validated?: boolean;
  contextBoost?: number;
  notes?: string[];
  entityId?: string;
}

/**
 * One detector per file under detectors/ (Presidio's recognizer shape): it declares its types and
 * proposes candidates for a whole conversation.
 */
export interface Detector {
  readonly name: string;
  readonly types: readonly EntityType[];
  /**
   * Optional context words per type: when one precedes a candidate in its turn (within
   * CONTEXT_WINDOW characters) or appears in the previous turn of the other party (the agent's
   * question), the engine adds CONTEXT_BOOST to the candidate's score.
   */
  readonly context?: Partial<Record<EntityType, RegExp>>;
  detect(conversation: ConversationView): Candidate[];
}
