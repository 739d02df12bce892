import { continuation } from '../analysis/dictation.js';
import { isAbout, numberContext } from '../analysis/subject.js';
import type { Candidate, ConversationView, Detector, TurnView } from '../types.js';
import { IBAN_LENGTHS, ibanValid } from '../validators/iban.js';
import { candidate } from './candidate.js';

/**
 * IBANs (ISO 13616), typed in groups of four ("DE85 3652 9462 0971 6826 31") or dictated (the
 * normalized text joins "f r seven six ..." into "fr76..."). The country length and mod-97 check
 * confirm; where an IBAN is named or asked for, an unconfirmed one is redacted anyway (fail closed).
 */
const CANDIDATE = /(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}(?:[ -]?[A-Za-z0-9]{1,5}){1,9}(?![\p{L}\p{N}])/gu;

export const ibanDetector: Detector = {
  name: 'iban',
  types: ['IBAN'],
  detect(conv: ConversationView): Candidate[] {
    const out: Candidate[] = [];
    for (let k = 0; k < conv.turns.length; k++) {
      const turn = conv.turns[k] as TurnView;
      const text = turn.normalized.text;
      CANDIDATE.lastIndex = 0;
      for (let m = CANDIDATE.exec(text); m !== null; m = CANDIDATE.exec(text)) {
        const found = bestPrefix(m[0]);
        if (found !== undefined) {
          push(out, turn, m.index, m.index + found.length, 'iban-mod97', 0.95, true);
          CANDIDATE.lastIndex = m.index + found.length;
          continue;
        }
        const [start, end] = turn.normalized.toOriginal(m.index, m.index + m[0].length);
        if (!isAbout(numberContext(conv, turn.index, start, end), 'iban')) continue;
        const len = unvalidatedLength(m[0]);
        const compact = m[0].slice(0, len).replace(/[ -]/g, '').toUpperCase();
        const expected = IBAN_LENGTHS[compact.slice(0, 2)] ?? 34;
        const rest = compact.length < expected ? continuation(conv, k, expected - compact.length, () => true, 'iban') : [];
        if (rest.length === 0) {
          push(out, turn, m.index, m.index + len, 'iban-in-context', 0.7, false);
          continue;
        }
        // Dictated over several turns (the agent saying "got it" in between): one entity.
        const whole = compact + rest.filter((p) => p.echo !== true).map((p) => p.run.digits).join('');
        const valid = ibanValid(whole);
        const entityId = `iban-${turn.index}-${m.index}`;
        const [pStart, pEnd] = turn.normalized.toOriginal(m.index, m.index + len);
        const notes = ['split-across-turns', ...(valid ? [] : ['checksum-failed-fail-closed'])];
        out.push(candidate('IBAN', turn.index, pStart, pEnd, 'iban-split-across-turns', valid ? 0.95 : 0.7, { validated: valid, entityId, notes }));
        for (const p of rest) {
          out.push(candidate('IBAN', p.turn, p.run.start, p.run.end, 'iban-split-across-turns', valid ? 0.95 : 0.7, { validated: valid, entityId, notes }));
        }
      }
    }
    return out;
  },
};

function push(out: Candidate[], turn: TurnView, nStart: number, nEnd: number, pattern: string, score: number, validated: boolean): void {
  const [start, end] = turn.normalized.toOriginal(nStart, nEnd);
  out.push(candidate('IBAN', turn.index, start, end, pattern, score, { validated, notes: validated ? [] : ['checksum-failed-fail-closed'] }));
}

/** The longest prefix ending at a group boundary that is a valid IBAN (typed text may run on). */
function bestPrefix(raw: string): string | undefined {
  const cuts: number[] = [];
  for (let i = 1; i <= raw.length; i++) if (i === raw.length || raw[i] === ' ' || raw[i] === '-') cuts.push(i);
  for (let c = cuts.length - 1; c >= 0; c--) {
    const prefix = raw.slice(0, cuts[c]);
    if (ibanValid(prefix.replace(/[ -]/g, '').toUpperCase())) return prefix;
  }
  return undefined;
}

/** Fail-closed extent: the country's IBAN length when known, else every group holding a digit. */
function unvalidatedLength(raw: string): number {
  const expected = IBAN_LENGTHS[raw.slice(0, 2).toUpperCase()];
  let compact = 0;
  let lastDigitGroupEnd = 4;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i] as string;
    if (ch === ' ' || ch === '-') continue;
    compact += 1;
    if (/\d/.test(ch)) lastDigitGroupEnd = i + 1;
    if (expected !== undefined && compact >= expected) return i + 1;
  }
  // Extend to the end of the group holding the last digit.
  let end = lastDigitGroupEnd;
  while (end < raw.length && raw[end] !== ' ' && raw[end] !== '-') end += 1;
  return expected !== undefined ? raw.length : end;
}
