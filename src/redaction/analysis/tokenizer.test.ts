import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenizer.js';

describe('tokenize', () => {
  it('splits on punctuation and keeps inner apostrophes and offsets', () => {
    const text = "It's G-O-N, Inês 1-800-555 o'brien 😅 ok’d";
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.text)).toEqual(["It's", 'G', 'O', 'N', 'Inês', '1', '800', '555', "o'brien", 'ok’d']);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens[0]?.lower).toBe("it's");
  });
});
