import type { AppliedEdit } from '../operators/apply.js';
import { spliceEdits } from './words.js';

/** Serialises like the input was: same indentation (none for minified JSON), same final newline. */
export function stringifyLike(original: string, value: unknown): string {
  const indent = /^\s*[[{]\r?\n([ \t]+)\S/.exec(original)?.[1] ?? '';
  const out = JSON.stringify(value, null, indent);
  return /\n\s*$/.test(original) ? `${out}\n` : out;
}

/** The edits of each turn, and each turn's redacted text. */
export function editsByTurn(texts: readonly string[], edits: readonly AppliedEdit[]): { edits: AppliedEdit[][]; redacted: string[] } {
  const per: AppliedEdit[][] = texts.map(() => []);
  for (const e of edits) per[e.turn]?.push(e);
  return { edits: per, redacted: texts.map((t, i) => (per[i]!.length ? spliceEdits(t, per[i]!) : t)) };
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
