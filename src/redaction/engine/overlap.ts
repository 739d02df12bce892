import type { EntityType, Finding } from '../types.js';

/**
 * THE overlap rule (one rule, applied per turn):
 *   1. Findings are ranked: longer span first, then higher score, then type priority (below).
 *   2. Walking that ranking, each finding keeps only the parts of its span not already covered by a
 *      finding ranked above it. A part with no letter or digit left is dropped.
 * So an address keeps the ZIP code inside it, a card number beats a phone pattern on the same
 * digits, and when two spans only partly overlap nothing a detector flagged is left visible
 * (fail closed): the lower-ranked one is trimmed, never discarded while it still covers something.
 */
export const TYPE_PRIORITY: readonly EntityType[] = [
  'CREDIT_CARD', 'SSN', 'IBAN', 'BANK_ACCOUNT', 'ROUTING_NUMBER', 'CARD_CVV', 'CARD_EXPIRY', 'DATE_OF_BIRTH',
  'EMAIL', 'PHONE', 'IP_ADDRESS', 'USERNAME', 'ADDRESS', 'POSTAL_CODE', 'PERSON',
];
const PRIORITY = new Map(TYPE_PRIORITY.map((t, i) => [t, i]));

function rank(a: Finding, b: Finding): number {
  return (
    b.end - b.start - (a.end - a.start) ||
    b.score - a.score ||
    (PRIORITY.get(a.type) ?? 99) - (PRIORITY.get(b.type) ?? 99) ||
    a.start - b.start
  );
}

const ALNUM = /[\p{L}\p{N}]/u;
const EDGE_TRIM_START = /^[^\p{L}\p{N}]+/u;
const EDGE_TRIM_END = /[^\p{L}\p{N}]+$/u;

/** Resolves overlaps (see the rule above) for findings of any turns; returns them sorted by turn and start. */
export function resolveOverlaps(findings: readonly Finding[], texts: readonly string[]): Finding[] {
  const byTurn = new Map<number, Finding[]>();
  for (const f of findings) {
    const list = byTurn.get(f.turn);
    if (list) list.push(f);
    else byTurn.set(f.turn, [f]);
  }
  const out: Finding[] = [];
  for (const [turn, list] of byTurn) {
    if (list.length === 1) {
      out.push(list[0] as Finding);
      continue;
    }
    const text = texts[turn] ?? '';
    const accepted: Finding[] = [];
    for (const f of [...list].sort(rank)) {
      for (const part of uncovered(f.start, f.end, accepted)) {
        const untouched = part[0] === f.start && part[1] === f.end;
        const trimmed = untouched ? part : trimToValue(text, part[0], part[1]);
        if (trimmed === undefined) continue;
        const whole = trimmed[0] === f.start && trimmed[1] === f.end;
        accepted.push(
          whole
            ? f
            : { ...f, start: trimmed[0], end: trimmed[1], explanation: { ...f.explanation, notes: [...f.explanation.notes, 'trimmed-by-overlap'] } },
        );
      }
    }
    out.push(...accepted);
  }
  return out.sort((a, b) => a.turn - b.turn || a.start - b.start || a.end - b.end);
}

/** Parts of [start, end) not covered by any accepted finding. */
function uncovered(start: number, end: number, accepted: readonly Finding[]): Array<[number, number]> {
  let parts: Array<[number, number]> = [[start, end]];
  for (const a of accepted) {
    if (a.end <= start || a.start >= end) continue;
    const next: Array<[number, number]> = [];
    for (const [s, e] of parts) {
      if (a.end <= s || a.start >= e) {
        next.push([s, e]);
        continue;
      }
      if (a.start > s) next.push([s, a.start]);
      if (a.end < e) next.push([a.end, e]);
    }
    parts = next;
    if (parts.length === 0) break;
  }
  return parts;
}

/** Shrinks [s, e) to start and end on a letter or digit; undefined when none is left. */
function trimToValue(text: string, s: number, e: number): [number, number] | undefined {
  const slice = text.slice(s, e);
  if (!ALNUM.test(slice)) return undefined;
  const lead = EDGE_TRIM_START.exec(slice)?.[0].length ?? 0;
  const tail = EDGE_TRIM_END.exec(slice)?.[0].length ?? 0;
  return [s + lead, e - tail];
}
