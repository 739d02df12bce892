/**
 * ADDRESS: a US or UK street address as one span, from the house number (or a leading "Flat 20,")
 * through street, unit, city, state/county and a postcode said right after it (LABELS.md rule 5).
 * Works on typed and spoken numbers: "42 Wallaby Way, Springfield, IL 62704" and "six hundred sixty
 * two northgate drive providence rhode island oh two nine one four" are both one span.
 */
import type { Candidate, ConversationView, Detector, TurnView } from '../types.js';
import { turnWords, type Word } from '../lexicon/turn-words.js';
import { F } from '../lexicon/word-flags.js';
import {
  countryEnd,
  houseNumberEnd,
  knownPlaceAt,
  placeEnd,
  poBoxEnd,
  postcodeEnd,
  SELF_NAMED_STREETS,
  streetEnd,
  unitEnd,
} from './address-parts.js';
import { internationalTailEnd } from './address-intl.js';
import { continuedAddress } from './address-continued.js';
import { askedFor } from './person-context.js';

const ADDRESS_QUESTION = /\b(address|moving (?:from|to)|where (?:do you live|are you located|should we send|did (?:it|the incident) happen)|ship(?:ping)? to|send (?:it|them) to|located)\b/;

/** Street types that are not everyday words: an address even without other parts. */
const STRONG_SUFFIXES = new Set(
  'st street ave avenue av rd road dr drive ln lane blvd boulevard ct court pl terrace ter pkwy parkway cir circle hwy highway crescent cres close cl boulevard plaza sq square'.split(' '),
);

/** One address span, or undefined: the words from `i` (a house number) onward. */
export function matchAddress(words: readonly Word[], i: number): { start: number; end: number; parts: string[] } | undefined {
  const numEnd = houseNumberEnd(words, i);
  if (numEnd < 0) return undefined;
  // The street may start inside a spoken number run ("forty eight oh two laurel way", "seven eighty nine fifth avenue").
  let end = -1;
  for (let s = numEnd; s > i && end < 0; s--) end = streetEnd(words, s);
  // "two twelve a hope street": a house-number letter said as its own word.
  if (end < 0 && isHouseLetter(words[numEnd])) end = streetEnd(words, numEnd + 1);
  const bare = end < 0;
  if (bare) end = unsuffixedStreetEnd(words, numEnd);
  if (end < 0) return undefined;
  // "... two six eight three four extension": a street has a name word; numbers and a suffix alone are a phone number and its extension.
  let named = bare || SELF_NAMED_STREETS.has((words[end - 1] as Word).lower);
  for (let k = i; k < end - 1 && !named; k++) named = !((words[k] as Word).flags & F.NUMBER_WORD) && !/^[\d-]+$/.test((words[k] as Word).lower);
  if (!named) return undefined;
  const parts = ['street'];
  let start = i;
  // A UK flat or unit said first: "Flat 20, 187 Grove Road".
  const before = words[i - 2];
  const just = words[i - 1];
  if (before && before.flags & F.UNIT && unitEnd(words, i - 2) === i) {
    start = i - 2;
    parts.push('unit-first');
  } else if (just && just.flags & F.UNIT && just.lower !== 'number' && just.lower !== 'no' && !words[i]?.pause) {
    // Spoken "flat twenty five two twenty four victoria crescent": the unit merges into the number run.
    start = i - 1;
    parts.push('unit-first');
  }
  const unit = unitEnd(words, end);
  if (unit >= 0) {
    end = unit;
    parts.push('unit');
  }
  const tail = placeTail(words, end, parts);
  end = tail.end;
  const knownTown = tail.knownTown;
  // A street with no street type is an address only with a postcode or a known town after it.
  if (bare && !(parts.includes('postcode') || knownTown)) return undefined;
  return { start, end, parts };
}

/**
 * The town, region, postcode and country after a street (or a PO box) ending at `end`: the new end,
 * the parts found (pushed onto `parts`) and whether the town is a known one.
 */
function placeTail(words: readonly Word[], from: number, parts: string[]): { end: number; knownTown: boolean } {
  let end = from;
  let knownTown = false;
  // "ecclesall road crookes sheffield", "rosemount place, old aberdeen, aberdeen": a district the
  // lexicons do not know (or that is an English word), right before a town they do.
  let place = placeEnd(words, end);
  if (place < 0) {
    end = districtEnd(words, end);
    if (end > from) place = placeEnd(words, end);
  }
  if (place >= 0) {
    knownTown = knownPlaceAt(words, end);
    end = place;
    parts.push('place');
    // "Rosemount, Aberdeen AB10 2XA", "Roath, Cardiff": a district, then its town (a known city or
    // region, or a place the postcode closes).
    for (let more = 0; more < 2; more++) {
      const next = placeEnd(words, end);
      const known = knownPlaceAt(words, end);
      if (next < 0 || !(known || postcodeEnd(words, next) >= 0)) break;
      knownTown ||= known;
      end = next;
    }
  }
  const post = postcodeEnd(words, end);
  if (post >= 0 && (place >= 0 || !(words[end] as Word).sentence)) {
    end = post;
    parts.push('postcode');
    const country = countryEnd(words, end);
    if (country >= 0) end = country;
  } else if (place >= 0 && /^\d{4}$/.test(words[end]?.lower ?? '') && !(words[end] as Word).sentence) {
    // Australian and some European postcodes have four digits.
    end++;
    parts.push('postcode');
    const country = countryEnd(words, end);
    if (country >= 0) end = country;
  }
  // Australian, Irish and Indian addresses end in a locality and a postcode of their own shape.
  const intl = parts.includes('postcode') ? -1 : internationalTailEnd(words, end);
  if (intl > end) {
    end = intl;
    parts.push('intl-postcode');
  }
  return { end, knownTown };
}

/**
 * A PO box or a rural route ("PO Box 2692, Fort Wayne, IN", "RR 4 Box 158", "rural route nine box
 * one two"): a mailing address that identifies the customer as a street does, with the same tail.
 */
export function matchPoBox(words: readonly Word[], i: number): { start: number; end: number; parts: string[] } | undefined {
  const box = poBoxEnd(words, i);
  if (box < 0) return undefined;
  const parts = ['po-box'];
  return { start: i, end: placeTail(words, box, parts).end, parts };
}

/** A single letter after a spoken house number ("two twelve a"): not "i", and never typed capital "A" of a sentence. */
function isHouseLetter(w: Word | undefined): boolean {
  return w !== undefined && !w.pause && (w.flags & F.LETTER) !== 0 && w.lower !== 'i' && w.lower.length === 1;
}

/**
 * End of one or two district words at `from` when a known town follows them, else `from`. The
 * words are names (no function words, numbers or units) and the town must be a lexicon entry, so
 * "12 Elm Street first thing Monday" never grows. A district that is an English word ("old
 * aberdeen", "chapel allerton") also needs the postcode after the town: "135 Freeway Drive called
 * Bristol Apartments" is no district.
 */
function districtEnd(words: readonly Word[], from: number): number {
  let english = false;
  for (let n = 1; n <= 2; n++) {
    const w = words[from + n - 1];
    if (!w || w.sentence || (n > 1 && w.pause) || !(w.flags & F.NAME_SHAPE) || w.flags & (F.FUNCTION | F.UNIT | F.NUMBER_WORD | F.DIGITS)) return from;
    english ||= (w.flags & F.ENGLISH) !== 0;
    const town = from + n;
    if (!knownPlaceAt(words, town)) continue;
    const townEnd = placeEnd(words, town);
    if (townEnd >= 0 && (!english || postcodeEnd(words, townEnd) >= 0)) return town;
  }
  return from;
}


/**
 * "47 Kingsway, Manchester M20 5PG", "9 Westgate, Leeds LS1 4AP": UK streets often carry no street
 * type. One or two name words that are not English words, followed by a place; matchAddress then
 * insists on the postcode too, which no quantity or product phrase ("3 Widgets, London") has.
 */
function unsuffixedStreetEnd(words: readonly Word[], from: number): number {
  for (let n = 1; n <= 2; n++) {
    const w = words[from + n - 1];
    if (!w || w.pause || w.lower.length < 3 || !(w.flags & F.NAME_SHAPE) || w.flags & (F.FUNCTION | F.UNIT | F.NUMBER_WORD | F.ENGLISH)) return -1;
    if (placeEnd(words, from + n) >= 0) return from + n;
  }
  return -1;
}

/** Words a PO box or rural route starts with. */
const BOX_STARTS = new Set(['po', 'p.o', 'p', 'post', 'rr', 'rural']);

/**
 * The ADDRESS candidate for a match, and when it closes its turn with no town or postcode, the
 * town and postcode the speaker's next turn may give (one entity in two pieces).
 */
function addressCandidates(conversation: ConversationView, position: number, words: readonly Word[], m: { start: number; end: number; parts: string[] }, asked: boolean): Candidate[] {
  const turn = conversation.turns[position] as TurnView;
  const first = words[m.start] as Word;
  const last = words[m.end - 1] as Word;
  const full = m.parts.length > 1 || m.parts[0] === 'po-box';
  const street: Candidate = {
    type: 'ADDRESS',
    turn: turn.index,
    start: first.start,
    end: last.end,
    pattern: m.parts[0] === 'po-box' ? 'po-box' : full ? 'street-and-place' : 'street',
    baseScore: full ? 0.85 : 0.7,
    contextBoost: asked ? 0.1 : 0,
    notes: m.parts,
  };
  const rest = m.end === words.length && !m.parts.includes('place') && !m.parts.includes('postcode') ? continuedAddress(conversation, position) : undefined;
  if (!rest) return [street];
  street.entityId = `address-${turn.index}-${first.start}`;
  street.notes = [...m.parts, 'split-across-turns'];
  return [street, { ...street, turn: rest.turn, start: rest.start, end: rest.end, pattern: 'street-then-place', baseScore: 0.85, notes: ['place', 'split-across-turns'] }];
}

export const addressDetector: Detector = {
  name: 'address',
  types: ['ADDRESS'],
  detect(conversation: ConversationView): Candidate[] {
    const out: Candidate[] = [];
    conversation.turns.forEach((turn, position) => {
      const words = turnWords(turn);
      if (!(words.mask & (F.DIGITS | F.NUMBER_WORD))) return; // an address needs a number
      const asked = askedFor(conversation, position, ADDRESS_QUESTION);
      for (let i = 0; i < words.length; i++) {
        const w = words[i] as Word;
        const box = BOX_STARTS.has(w.lower) ? matchPoBox(words, i) : undefined;
        if (box) {
          out.push(...addressCandidates(conversation, position, words, box, asked));
          i = box.end - 1;
          continue;
        }
        // Prefilter: only a number can start an address (houseNumberEnd says the same, more slowly).
        if (!(w.flags & (F.DIGITS | F.NUMBER_WORD))) continue;
        const prev = words[i - 1];
        // Start at the first word of a number run; "$12" is an amount.
        if ((prev && !w.pause && prev.flags & F.NUMBER_WORD && w.flags & F.NUMBER_WORD) || turn.text.charCodeAt(w.start - 1) === 36) continue;
        const m = matchAddress(words, i);
        if (!m) continue;
        const full = m.parts.length > 1;
        // "one thing very well", "one service run": a small spoken number and an everyday street
        // word, with nothing else of an address and no one asking for one, is ordinary speech.
        if (!full && !asked && w.flags & F.NUMBER_WORD && m.end - i < 5 && !STRONG_SUFFIXES.has((words[m.end - 1] as Word).lower)) continue;
        out.push(...addressCandidates(conversation, position, words, m, asked));
        i = m.end - 1;
      }
    });
    return out;
  },
};
