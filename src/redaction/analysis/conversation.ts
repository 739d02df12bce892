import type { ConversationView, NormalizedView, Token, Turn, TurnView } from '../types.js';
import { buildNormalizedView, needsRewrite } from './normalize.js';
import { identityView } from './offset-map.js';
import { tokenize } from './tokenizer.js';

/** A turn's analyses, computed on first use and kept: detectors share them. */
class LazyTurnView implements TurnView {
  private tokenCache: Token[] | undefined;
  private lowerCache: string | undefined;
  private normalizedCache: NormalizedView | undefined;

  constructor(
    readonly index: number,
    readonly speaker: string | undefined,
    readonly text: string,
  ) {}

  get lower(): string {
    return (this.lowerCache ??= this.text.toLowerCase());
  }

  get tokens(): readonly Token[] {
    return (this.tokenCache ??= tokenize(this.text));
  }

  get normalized(): NormalizedView {
    if (this.normalizedCache === undefined) {
      this.normalizedCache = mayRewrite(this.lower) ? buildNormalizedView(this.text, this.tokens) : identityView(this.text);
    }
    return this.normalizedCache;
  }
}

/**
 * needsRewrite, minus its commonest false alarm: the letter of a contraction ("it's", "I'm",
 * "don't") is not a spelled letter, because the tokenizer keeps it inside its word. Speed only: the
 * hint is tested again with those tails removed, and any text where tokenizer and regex word
 * boundaries could disagree (an underscore, a non-ASCII character) or a lone letter could join an
 * email ("at") keeps the original answer, so the normalized text never changes.
 */
const CONTRACTION_TAIL = /([a-z0-9])['’][a-z]+/g;
const KEEP_ORIGINAL_HINT = /[_\u0080-\uffff]|\bat\b/;
function mayRewrite(lower: string): boolean {
  if (!needsRewrite(lower)) return false;
  const reduced = lower.replace(CONTRACTION_TAIL, '$1');
  return reduced === lower || needsRewrite(reduced) || KEEP_ORIGINAL_HINT.test(lower);
}

export function buildTurnView(index: number, turn: Turn): TurnView {
  return new LazyTurnView(index, turn.speaker, turn.text);
}

export function buildConversationView(turns: readonly Turn[]): ConversationView {
  return { turns: turns.map((t, i) => buildTurnView(i, t)) };
}
