/**
 * Context shared by the PERSON, ADDRESS, POSTAL_CODE and USERNAME detectors: what the other party
 * just asked ("can I get your full name?", "and the zip code?"), and the cue words before a name.
 */
import type { ConversationView, TurnView } from '../types.js';

/**
 * true when one of the two turns before `position` (by the other speaker when speakers are known)
 * matches `question` in lower case. `position` is the turn's place in `conversation.turns`.
 */
export function askedFor(conversation: ConversationView, position: number, question: RegExp): boolean {
  const turns = conversation.turns;
  const self = turns[position];
  for (let p = position - 1; p >= 0 && p >= position - 2; p--) {
    const prev = turns[p] as TurnView;
    if (self?.speaker !== undefined && prev.speaker === self.speaker) continue;
    if (question.test(prev.lower)) return true;
  }
  return false;
}

/** The agent asks who the caller is. */
export const NAME_QUESTION =
  /\b(?:your|the|[a-z]+'s) (?:(?:full|first|last|middle|legal|given|family|and) )*name\b|\bsurname\b|\bname (?:on|for|of) the\b|\bspell\b|\bwho (?:am i|do i have|should (?:we|i) ask|is calling|is this|is it|is speaking|should we)\b|\bask for\b|\bspeaking with\b|\bother party\b/;

/** Words before a name that make the next word a name even when it is an everyday word. */
export const STRONG_CUES: readonly (readonly string[])[] = [
  ['name', 'is'],
  ["name's"],
  ['names', 'is'],
  ['my', 'name'],
  ['this', 'is'],
  ['called'],
  ['speaking', 'with'],
  ['speak', 'with'],
  ['speak', 'to'],
  ['talk', 'with'],
  ['speaking', 'to'],
  ['chatting', 'with'],
  ['talking', 'to'],
  ['talk', 'to'],
  ['ask', 'for'],
  ['asking', 'for'],
  ['holder', 'is'],
  ['card', 'is'],
  ['spelled'],
  ['the', 'name'],
  ['beneficiary', 'is'],
  ['policyholder', 'is'],
  ['authorized', 'user'],
  ['signed', 'by'],
  ['addressed', 'to'],
  ['payable', 'to'],
  ['behalf', 'of'],
  ['last', 'name'],
  ['first', 'name'],
  ['surname'],
  ["you're", 'welcome'],
  ['youre', 'welcome'],
];

/** Titles after which even an everyday word is a surname: PERSONAL_TITLES in lexicon/closed-classes.ts (a word flag). */

/** Titles stay outside the span (LABELS.md rule 1) but make the next word a name. */
export const TITLES = new Set([
  'mr', 'mrs', 'ms', 'miss', 'missus', 'mister', 'dr', 'doctor', 'prof', 'professor', 'mx', 'sir', 'dame', 'madam', 'officer', 'nurse', 'agent', 'detective', 'pastor', 'father',
]);

/** Kinship and relation words: "my son Andrew", "Uncle Richard", "my colleague Lars". */
export const RELATIONS = new Set(
  'wife husband son daughter mother father mom mum dad brother sister partner uncle aunt auntie grandson granddaughter grandmother grandfather grandma grandpa nephew niece cousin friend colleague boss manager fiance fiancee fiancé fiancée girlfriend boyfriend roommate child kid kids spouse neighbor neighbour caregiver doctor adjuster landlord tenant stepson stepdaughter trainer advisor adviser coach consultant specialist counselor counsellor tutor instructor planner banker broker realtor caseworker inspector courier driver physician surgeon vet pharmacist accountant teacher beneficiary policyholder dependent executor guardian attorney lawyer technician therapist dentist supervisor coworker assistant representative rep engineer installer plumber electrician nurse fitter surveyor lead leader handler officer'.split(
    ' ',
  ),
);

/** Greetings and thanks: a word after them that is not English is a name ("thanks takumi"). */
export const GREETING_CUES = new Set([
  'hi', 'hiya', 'hey', 'hello', 'thanks', 'thank', 'thx', 'ty', 'welcome', 'bye', 'goodbye', 'dear', 'cheers',
]);

/** Words after which a name is likely but not certain: the name must be a known one or capitalised. */
export const SOFT_CUES = new Set([
  ...GREETING_CUES, "i'm", 'am', 'under', 'to', 'of', 'and', 'or', 'with', 'for', 'sorry', 'sure', 'okay', 'ok', 'yes', 'yeah', 'great', 'perfect', 'alright',
]);

