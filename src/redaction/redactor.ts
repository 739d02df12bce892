import { detectConversation } from './engine/index.js';
import { readDocument } from './formats/detect.js';
import { redactedTimeSpans } from './formats/timespans.js';
import type { FormatName, TimeSpan } from './formats/types.js';
import { applyOperatorsToTurns, checkOperators, type AppliedEdit } from './operators/apply.js';
import type { HashKeyProvider, OperatorContext, TokenizeCallback } from './operators/types.js';
import { parsePolicy, type PolicyInput } from './policy.js';
import type { Finding, Policy, Turn } from './types.js';

export interface RedactorOptions {
  /** HMAC key for the hash operator (≥ 32 bytes), or a function giving the key for a policy keyId (one per brand). */
  hashKey?: Uint8Array | string | HashKeyProvider;
  /** The vault's tokenize callback, for the tokenize operator. */
  tokenize?: TokenizeCallback;
}

/** A conversation as turns, or `{ turns }` (the eval contract's shape). */
export type ConversationInput = readonly Turn[] | { readonly turns: readonly Turn[] };

export interface TextRedaction {
  text: string;
  findings: Finding[];
  edits: AppliedEdit[];
}

export interface ConversationRedaction {
  turns: Turn[];
  findings: Finding[];
  edits: AppliedEdit[];
}

export interface DocumentRedaction {
  format: FormatName;
  /** The file in its own format with only the sensitive parts changed. */
  output: string;
  findings: Finding[];
  edits: AppliedEdit[];
  /** Audio to silence (timed formats); empty for untimed ones. */
  timeSpans: TimeSpan[];
}

export interface Redactor {
  readonly policy: Policy;
  /** Findings for a text (turn 0) or a conversation. */
  detect(input: string | ConversationInput): Finding[];
  redact(input: string): Promise<TextRedaction>;
  redact(input: ConversationInput): Promise<ConversationRedaction>;
  /** Reads a transcript file (format detected unless given), redacts it, writes it back in its format. */
  redactDocument(content: string, options?: { format?: FormatName }): Promise<DocumentRedaction>;
}

const turnsOf = (input: ConversationInput): readonly Turn[] => ('turns' in input ? input.turns : input);

/**
 * Builds a redactor from a policy (a parsed Policy, policy JSON or its object; default: every type
 * replaced by `[TYPE]`). Fails at once if the policy needs a key or a callback that is missing.
 * @example
 * const redactor = createRedactor();
 * const { text } = await redactor.redact('my card is 4111 1111 1111 1111'); // 'my card is [CREDIT_CARD]'
 */
export function createRedactor(policy?: Policy | PolicyInput | string, options: RedactorOptions = {}): Redactor {
  const parsed = parsePolicy(policy ?? {});
  const { hashKey, tokenize } = options;
  const ctx: OperatorContext = {
    ...(hashKey !== undefined ? { hashKey: typeof hashKey === 'function' ? hashKey : () => hashKey } : {}),
    ...(tokenize ? { tokenize } : {}),
  };
  checkOperators(parsed, ctx);

  const detectTurns = (turns: readonly Turn[]) => detectConversation(turns, { policy: parsed });

  async function redactTurns(turns: readonly Turn[]): Promise<ConversationRedaction> {
    const findings = detectTurns(turns);
    const { texts, edits } = await applyOperatorsToTurns(turns.map((t) => t.text), findings, parsed, ctx);
    return { turns: turns.map((t, i) => ({ ...t, text: texts[i]! })), findings, edits };
  }

  async function redact(input: string): Promise<TextRedaction>;
  async function redact(input: ConversationInput): Promise<ConversationRedaction>;
  async function redact(input: string | ConversationInput): Promise<TextRedaction | ConversationRedaction> {
    if (typeof input !== 'string') return redactTurns(turnsOf(input));
    const r = await redactTurns([{ text: input }]);
    return { text: r.turns[0]!.text, findings: r.findings, edits: r.edits };
  }

  return {
    policy: parsed,
    detect: (input) => detectTurns(typeof input === 'string' ? [{ text: input }] : turnsOf(input)),
    redact,
    async redactDocument(content, opts = {}) {
      const doc = readDocument(content, opts.format);
      const r = await redactTurns(doc.turns);
      return { format: doc.format, output: doc.write(r.edits), findings: r.findings, edits: r.edits, timeSpans: redactedTimeSpans(doc.turns, r.edits) };
    },
  };
}
