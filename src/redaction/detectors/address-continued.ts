/**
 * An address said over two turns: "It's 69 17 Avenue SW..." / "Right." / "Calgary AB, T1X 8K0."
 * When a street ends its turn with no town or postcode, the same speaker's next turn (the other
 * party only acknowledging, or asking for the rest) that opens with a town or a postcode finishes
 * the address: one entity in two pieces, both redacted.
 */
import { isInterjection } from '../analysis/context.js';
import type { ConversationView, TurnView } from '../types.js';
import { turnWords, type Word } from '../lexicon/turn-words.js';
import { knownPlaceAt, placeEnd, postcodeEnd } from './address-parts.js';

/** "and the town?", "what's the postcode", "city and zip?": the other party asking for the rest. */
const ASKS_FOR_REST = /^(?:and |what's |what is |the )*(?:the )?(?:city|town|post ?code|zip(?: code)?|postal code|state|province|county)\b[^.!]{0,30}$/;
/** Words a speaker opens with before the rest of the address. */
const OPENERS = new Set(['it\'s', 'its', 'and', 'in', 'uh', 'um', 'that\'s', 'yes', 'yeah', 'so', 'then']);
/** Words the rest may be followed by and still be all the turn says. */
const MAX_TRAILING_WORDS = 3;

export interface ContinuedPiece {
  turn: number;
  start: number;
  end: number;
}

/**
 * The town / postcode piece that continues an address ending turn `position` (an index into
 * conv.turns), or undefined.
 */
export function continuedAddress(conv: ConversationView, position: number): ContinuedPiece | undefined {
  const own = conv.turns[position] as TurnView;
  for (let j = position + 1, between = 0; j < conv.turns.length && between <= 2; j++) {
    const t = conv.turns[j] as TurnView;
    if (t.speaker !== own.speaker) {
      const lower = t.lower.trim();
      if (!(isInterjection(lower) || ASKS_FOR_REST.test(lower))) return undefined;
      between++;
      continue;
    }
    return restOfAddress(t);
  }
  return undefined;
}

function restOfAddress(turn: TurnView): ContinuedPiece | undefined {
  const words = turnWords(turn);
  let s = 0;
  while (s < words.length && OPENERS.has((words[s] as Word).lower)) s++;
  const place = placeEnd(words, s);
  const post = place >= 0 ? postcodeEnd(words, place) : -1;
  // A known town with or without its postcode, or any place the postcode closes. A postcode on its
  // own ("and the postcode?" / "LS6 2QT") stays a POSTAL_CODE.
  const end = post >= 0 ? post : place >= 0 && knownPlaceAt(words, s) ? place : -1;
  if (end < 0 || words.length - end > MAX_TRAILING_WORDS) return undefined;
  return { turn: turn.index, start: (words[s] as Word).start, end: (words[end - 1] as Word).end };
}
