import type { NormalizedView } from '../types.js';

/**
 * Builds a rewritten text piece by piece and remembers where each piece came from. An exact piece
 * is a verbatim copy (positions map one to one); a replaced piece ("four" -> "4", "dot" -> ".")
 * maps any position inside it to the whole original word range, so a span never cuts a word.
 */
export class OffsetMapBuilder {
  private readonly parts: string[] = [];
  private length = 0;
  private readonly nStarts: number[] = [];
  private readonly oStarts: number[] = [];
  private readonly oEnds: number[] = [];
  private readonly exact: boolean[] = [];

  /** Appends `original.slice(from, to)` unchanged. */
  copy(original: string, from: number, to: number): void {
    if (to <= from) return;
    const last = this.exact.length - 1;
    if (last >= 0 && this.exact[last] === true && this.oEnds[last] === from) {
      this.oEnds[last] = to;
    } else {
      this.push(from, to, true);
    }
    this.parts.push(original.slice(from, to));
    this.length += to - from;
  }

  /** Appends `text` standing for the original range [from, to). */
  replace(text: string, from: number, to: number): void {
    if (text.length === 0) return;
    this.push(from, to, false);
    this.parts.push(text);
    this.length += text.length;
  }

  private push(from: number, to: number, exact: boolean): void {
    this.nStarts.push(this.length);
    this.oStarts.push(from);
    this.oEnds.push(to);
    this.exact.push(exact);
  }

  build(): NormalizedView {
    return new MappedView(this.parts.join(''), this.nStarts, this.oStarts, this.oEnds, this.exact);
  }
}

class MappedView implements NormalizedView {
  constructor(
    readonly text: string,
    private readonly nStarts: readonly number[],
    private readonly oStarts: readonly number[],
    private readonly oEnds: readonly number[],
    private readonly exact: readonly boolean[],
  ) {}

  /** Index of the piece holding normalized position `pos` (binary search; pieces are sorted). */
  private pieceAt(pos: number): number {
    let lo = 0;
    let hi = this.nStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.nStarts[mid] as number) <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  toOriginal(start: number, end: number): [number, number] {
    if (this.nStarts.length === 0) return [0, 0];
    const a = this.pieceAt(start);
    const b = this.pieceAt(Math.max(start, end - 1));
    const oStart = this.exact[a] ? (this.oStarts[a] as number) + (start - (this.nStarts[a] as number)) : (this.oStarts[a] as number);
    const oEnd = this.exact[b] ? (this.oStarts[b] as number) + (end - (this.nStarts[b] as number)) : (this.oEnds[b] as number);
    return [oStart, Math.max(oStart, oEnd)];
  }
}

/** The view of a text that needed no rewriting. */
export function identityView(text: string): NormalizedView {
  return { text, toOriginal: (start, end) => [start, end] };
}
