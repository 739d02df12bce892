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
      this.normalizedCache = needsRewrite(this.lower) ? buildNormalizedView(this.text, this.tokens) : identityView(this.text);
    }
    return this.normalizedCache;
  }
}

export function buildTurnView(index: number, turn: Turn): TurnView {
  return new LazyTurnView(index, turn.speaker, turn.text);
}

export function buildConversationView(turns: readonly Turn[]): ConversationView {
  return { turns: turns.map((t, i) => buildTurnView(i, t)) };
}
