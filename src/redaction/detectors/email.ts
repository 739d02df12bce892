import type { Candidate, ConversationView, Detector } from '../types.js';
import { candidate } from './candidate.js';

/**
 * Email addresses, typed or spoken: the normalized text already reads "john dot smith at gmail dot
 * com" as "john.smith@gmail.com", so one pattern (RFC 5322 dot-atom local part, a dotted domain)
 * finds both and the offset map returns the spoken words.
 */
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?![\p{L}\p{N}])/gu;

export const emailDetector: Detector = {
  name: 'email',
  types: ['EMAIL'],
  detect(conv: ConversationView): Candidate[] {
    const out: Candidate[] = [];
    for (const turn of conv.turns) {
      const text = turn.normalized.text;
      if (!text.includes('@')) continue;
      EMAIL.lastIndex = 0;
      for (let m = EMAIL.exec(text); m !== null; m = EMAIL.exec(text)) {
        let value = m[0];
        while (/^[._'-]/.test(value)) value = value.slice(1);
        const offset = m[0].length - value.length;
        const [start, end] = turn.normalized.toOriginal(m.index + offset, m.index + m[0].length);
        const spoken = turn.text.slice(start, end) !== value;
        out.push(candidate('EMAIL', turn.index, start, end, spoken ? 'spoken-email' : 'email', 0.95, { validated: true, notes: spoken ? ['spoken'] : [] }));
      }
    }
    return out;
  },
};
