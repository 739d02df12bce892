/**
 * POSTAL_CODE: a ZIP / postcode said on its own (LABELS.md rule 5): US ZIP or ZIP+4, UK and
 * Canadian postcodes, typed or spoken ("nine seven two eight four", "l eight r eight r oh").
 * A bare five-digit number is only a ZIP when someone asked for it or named it ("zip code is");
 * UK and Canadian shapes are distinctive enough to stand alone at a lower score.
 */
import { turnWords, type Word } from '../lexicon/turn-words.js';
import { F } from '../lexicon/word-flags.js';
import type { Candidate, ConversationView, Detector } from '../types.js';
import { lexiconEnd, postcodeEnd, spokenPostcode } from './address-parts.js';
import { lexicons } from '../lexicon/index.js';
import { askedFor } from './person-context.js';

const ZIP_CONTEXT = /\b(?:zip|zipcode|postal|postcode|post code)\b/;
/** Another code was asked for: "SL67QU" answering "there may be a campaign code on it" is that code. */
const OTHER_CODE = /\b(?:campaign|promo|promotional|discount|voucher|coupon|reference|ref|booking|confirmation|tracking|order|referral|gift|tax|vat|product|serial|model|registration|reg|flight) (?:code|number|no|ref)\b/;
const UK_TYPED = /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/;
const CA_TYPED = /^[ABCEGHJ-NPRSTVXY]\d[A-Z] ?\d[A-Z]\d$/;
/**
 * A UK postcode typed in lower case ("m20 5pg"), upper-cased first: the Royal Mail's letter rules
 * (no Q, V, X first; no I, J, Z second; no C, I, K, M, O, V in the inward code) keep out "a2 6pm",
 * and an ordinal ("b12 4th floor") is not a postcode.
 */
const UK_STRICT = /^[A-PR-UWYZ](?:\d[A-HJKPS-UW\d]?|[A-HK-Y]\d[ABEHMNPRV-Y\d]?) ?\d[ABD-HJLNP-UW-Z]{2}$/;
const ORDINAL_TAIL = /\d(?:st|nd|rd|th)$/;

/** "leeds, ls six two a b": a spoken UK code right after its post town needs no question. */
function spokenAfterTown(words: readonly Word[], i: number): boolean {
  const code = spokenPostcode(words, i)?.code;
  if (!code || !UK_STRICT.test(code.toUpperCase())) return false;
  const { cities } = lexicons();
  for (let k = Math.max(0, i - 3); k < i; k++) if (lexiconEnd(words, k, cities) === i) return true;
  return false;
}

function distinctiveCode(text: string): boolean {
  if (UK_TYPED.test(text) || CA_TYPED.test(text)) return true;
  return text !== text.toUpperCase() && !ORDINAL_TAIL.test(text) && UK_STRICT.test(text.toUpperCase());
}

export const postalCodeDetector: Detector = {
  name: 'postal-code',
  types: ['POSTAL_CODE'],
  detect(conversation: ConversationView): Candidate[] {
    const out: Candidate[] = [];
    conversation.turns.forEach((turn, position) => {
      const words = turnWords(turn);
      if (!(words.mask & (F.HAS_DIGIT | F.NUMBER_WORD))) return; // a postcode has digits, typed or said
      const asked = askedFor(conversation, position, ZIP_CONTEXT);
      const named = ZIP_CONTEXT.test(turn.lower);
      const anyContext = asked || named;
      const otherCode = !anyContext && askedFor(conversation, position, OTHER_CODE);
      for (let i = 0; i < words.length; i++) {
        const w = words[i] as Word;
        // Prefilter: without context only a typed UK/Canadian code (letters and digits) can qualify.
        if (!anyContext && !(w.flags & F.HAS_DIGIT) && !(i > 0 && w.lower.length <= 2 && w.flags & F.NAME_SHAPE)) continue;
        // Start a spoken code at the first word of a run only.
        if (i > 0 && !w.pause && postcodeEnd(words, i - 1) > i) continue;
        const end = postcodeEnd(words, i);
        if (end < 0) continue;
        const last = words[end - 1] as Word;
        const text = turn.text.slice(w.start, last.end);
        const distinctive = distinctiveCode(text) || spokenAfterTown(words, i);
        // In the turn itself, the code must come after the cue word ("my zip is 62704").
        const namedBefore = named && ZIP_CONTEXT.test(turn.lower.slice(0, w.start));
        if (!asked && !namedBefore && (!distinctive || otherCode)) continue;
        out.push({
          type: 'POSTAL_CODE',
          turn: turn.index,
          start: w.start,
          end: last.end,
          pattern: distinctive ? 'uk-or-ca-postcode' : 'zip-in-context',
          baseScore: asked || namedBefore ? 0.8 : 0.6,
          contextBoost: 0,
          notes: asked ? ['asked-for'] : [],
        });
        i = end - 1;
      }
    });
    return out;
  },
};
