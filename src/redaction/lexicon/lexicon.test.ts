import { describe, expect, it } from 'vitest';
import { isEnglishWord, lexicons } from './index.js';
import { spokenDigits } from './spoken-numbers.js';
import { scanWords } from './turn-words.js';
import { F, wordFlags } from './word-flags.js';

describe('spokenDigits', () => {
  it.each([
    [['nine', 'oh', 'two', 'one', 'oh'], '90210'],
    [['two', 'three', 'double', 'two', 'one'], '23221'],
    [['triple', 'seven'], '777'],
    [['six', 'hundred', 'sixty', 'two'], '662'],
    [['one', 'hundred', 'and', 'five'], '105'],
    [['forty', 'eight', 'oh', 'two'], '4802'],
    [['twenty', 'twenty', 'seven'], '2027'],
  ])('%j -> %s', (words, digits) => {
    expect(spokenDigits(words)).toBe(digits);
  });

  it('refuses a word that is not a number', () => {
    expect(spokenDigits(['nine', 'lives'])).toBeUndefined();
    expect(spokenDigits(['constructor'])).toBeUndefined();
  });
});

describe('lexicons', () => {
  it('knows names of many cultures, accent-free twins included', () => {
    const { names } = lexicons();
    for (const n of ['maria', 'oluwaseun', 'łukasz', 'lukasz', 'wiśniewski', 'wisniewski', 'nguyen']) expect(names.has(n), n).toBe(true);
  });

  it('marks names that are everyday words as ambiguous, and leaves clear names alone', () => {
    for (const w of ['will', 'may', 'june', 'rose', 'grant', 'hunter', 'young', 'brown']) expect(wordFlags(w) & F.AMBIGUOUS, w).toBeTruthy();
    for (const w of ['maria', 'oluwaseun']) expect(wordFlags(w) & F.AMBIGUOUS, w).toBe(0);
  });

  it('recognises English words through inflections and prefixes', () => {
    for (const w of ['refunded', 'currently', 'cities', 'report', 'unlimited', 'redirect']) expect(isEnglishWord(w), w).toBe(true);
    expect(isEnglishWord('oluwaseun')).toBe(false);
  });
});

describe('scanWords', () => {
  it('keeps handles, emails and spelled names whole and notes pauses and sentence ends', () => {
    const words = scanWords('Hi, Mr. Okafor. Email jo.ng@x.io or G-O-N now.Next');
    expect(words.map((w) => w.text)).toEqual(['Hi', 'Mr', 'Okafor', 'Email', 'jo.ng@x.io', 'or', 'G-O-N', 'now', 'Next']);
    const byText = new Map(words.map((w) => [w.text, w]));
    expect(byText.get('Mr')?.pause).toBe(true);
    expect(byText.get('Okafor')?.sentence).toBe(false); // "Mr." is not a sentence end
    expect(byText.get('Email')?.sentence).toBe(true);
    expect(byText.get('Next')?.sentence).toBe(true); // "now.Next": a sentence written without a space
  });

  it('reports UTF-16 offsets, emoji included', () => {
    const text = '😩 no, Łukasz';
    const w = scanWords(text).at(-1);
    expect(w && text.slice(w.start, w.end)).toBe('Łukasz');
  });
});
