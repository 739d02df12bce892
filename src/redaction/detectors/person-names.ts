/**
 * Reading a name word by word: how far a run of name words goes from a given word, under three
 * levels of evidence (a strong cue such as "my name is" or a title, a soft cue such as "thanks",
 * or the lexicon alone). Everyday words that are also names ("will", "may", "grant") pass only
 * with a strong cue or a capital letter mid-sentence (LABELS.md rule 3).
 */
import type { Word } from '../lexicon/turn-words.js';
import { bareLower, F } from '../lexicon/word-flags.js';
import { KOREAN_GIVEN_SYLLABLES, KOREAN_NOT_FIRST } from '../lexicon/closed-classes.js';

export type Evidence = 'strong' | 'greeting' | 'soft' | 'lexicon';

/** Name particles kept inside a name when a name word follows: "al sayed", "de vries", "van der berg". */
const PARTICLES = new Set(['al', 'el', 'de', 'del', 'della', 'van', 'von', 'der', 'den', 'da', 'di', 'du', 'le', 'la', 'bin', 'ibn', 'abu', 'mac', 'ben', 'dos', 'das', 'st']);
/** Verbs that are also names in the lexicons: after a name, in lowercase, before more words, the verb ("dr liu said the ..."). */
const VERBS_AFTER_NAME = new Set(['said', 'may', 'might', 'can', 'did', 'sees', 'says']);
/** Words that close a self-introduction: "this is hyun woo speaking", "my name is anna how can I help". */
const CLOSERS = new Set(['speaking', 'here', 'how', 'from', 'calling', 'with', 'thanks', 'thank', 'please', 'and']);
/** Organisation words certain enough to look a few words ahead for. */
const COMPANY_WORDS = new Set(
  'bank banking insurance clinic hospital pediatrics foundation inc llc ltd corp corporation company group energy electric mutual union federal national financial partners associates apartments suites hotel airlines telecom wireless'.split(' '),
);
const ACCOUNT_WORDS = new Set(['account', 'accounts', 'card', 'balance', 'app']);
const NOT_A_NAME = F.FUNCTION | F.FILLER | F.DIGITS | F.NUMBER_WORD | F.LETTER;

/** The word without a possessive "'s" ("Hamza's" -> "hamza"). */
export function bare(w: Word): string {
  return bareLower(w.lower, w.flags);
}

/** Capitalised inside a sentence, as names are; "I", "I'd", "I've" are capitalised by rule. */
export function capitalisedMidSentence(w: Word): boolean {
  return w.cap && !w.sentence && !(w.lower === 'i' || (w.lower.length > 1 && w.lower[0] === 'i' && (w.lower[1] === "'" || w.lower[1] === '’')));
}

/**
 * Can this word be (part of) a name under this evidence? `first`: it would start the name;
 * `closes`: a pause or the end of the turn follows it ("thanks, penny").
 */
export function isNameWord(w: Word, evidence: Evidence, first: boolean, closes = false, afterParticle = false): boolean {
  // "Will" is a function word and a name: a name only as "Will"/"will" after a strong cue.
  const f = w.lower === 'will' ? F.NAME | F.AMBIGUOUS | F.NAME_SHAPE : w.flags;
  if (f & NOT_A_NAME || !(f & F.NAME_SHAPE)) return false;
  const capMid = capitalisedMidSentence(w);
  const known = (f & F.NAME) !== 0;
  const ambiguous = (f & F.AMBIGUOUS) !== 0;
  const english = (f & F.ENGLISH) !== 0;
  if (!first) {
    // After a first name: surnames that are words ("rich", "park", "fox") and unknown surnames.
    if (CLOSERS.has(w.lower) || (f & F.ORG && !(f & F.NAME) && !(closes && evidence === 'strong'))) return false;
    if (w.lower === 'will') return capMid;
    if (known) return !(f & F.CALENDAR) || capMid;
    // "al sayed"; "sure, drew fox" ending the answer.
    return !english || capMid || afterParticle || (closes && evidence === 'strong');
  }
  // Organisations and places are not people (LABELS.md rule 4) unless a strong cue says so.
  if (evidence !== 'strong' && (f & F.ORG || (f & F.PLACE && !(f & F.NAME)))) return false;
  switch (evidence) {
    case 'strong':
      return english ? capMid || afterParticle : true;
    case 'greeting':
      if (ambiguous) return capMid || closes;
      return !english;
    case 'soft':
      if (ambiguous) return capMid && !(f & F.CALENDAR);
      return known || (!english && capMid);
    case 'lexicon':
      // Typed in capitals ("IP", "IBAN") or too short: an abbreviation, not a name.
      if (w.lower.length < 3 || (w.text.length > 1 && w.text === w.text.toUpperCase())) return false;
      if (ambiguous) return capMid && !(f & F.CALENDAR);
      // "good faith", "the ivory blender": a word first unless written as a name.
      if (f & F.VOCAB_NAME) return capMid;
      // A capitalised word mid-sentence that is neither English nor a place: a name the lexicons
      // lack ("Can Wojciech ..."); organisations are screened by the caller (followedByOrg).
      return known || (capMid && !english && !(f & (F.PLACE | F.PROPER)) && w.lower.length >= 3 && w.text !== w.text.toUpperCase());
  }
}

/**
 * End (exclusive word index) of the name starting at words[i], or i when there is none. Stops at a
 * pause, at a non-name word and after four words; keeps initials and particles inside a name.
 */
export function nameRunEnd(words: readonly Word[], i: number, evidence: Evidence): number {
  let k = i;
  while (k < words.length && k - i < 6) {
    const w = words[k] as Word;
    if (k > i && w.pause) break;
    // "dawn achterberg dawn can visit": the first name said again, then a verb, starts a new mention
    // ("robert robert jones" stutters, "seo yeon q seo" ends on a family name that repeats).
    if (k - i >= 2 && w.lower === (words[i] as Word).lower && ((words[k + 1]?.flags ?? 0) & F.FUNCTION) !== 0 && !words[k + 1]?.pause) break;
    // "hyun woo nwosu", "an engineer min jun": two Korean syllables are one given name (not on the lexicon's word alone).
    if (evidence !== 'lexicon' && (k === i ? koreanGivenPairAt(words, k) : k === i + 1 && koreanGivenPairAt(words, i))) {
      k += k === i ? 2 : 1;
      continue;
    }
    const next = words[k + 1];
    const closes = next === undefined || next.pause || CLOSERS.has(next.lower);
    const after = words[k + 2];
    const nextCloses = after === undefined || after.pause || CLOSERS.has(after.lower);
    const nextIsName = next !== undefined && !next.pause && isNameWord(next, evidence, false, nextCloses, PARTICLES.has(w.lower));
    const afterParticle = k > i && PARTICLES.has((words[k - 1] as Word).lower);
    // "dr pangilinan said the dose ...": a verb the lexicons also list as a name ("Said") is what the person did.
    const verbAfterName = k > i && VERBS_AFTER_NAME.has(w.lower) && !capitalisedMidSentence(w) && !closes;
    if (!verbAfterName && isNameWord(w, evidence, k === i, closes, afterParticle)) {
      k++;
      if (w.flags & F.POSSESSIVE) break;
      continue;
    }
    const initial = w.lower.length === 1 && /\p{L}/u.test(w.lower);
    if (k > i && initial && nextIsName) k++; // "lukasz f gupta"
    else if (PARTICLES.has(w.lower) && nextIsName && (k > i || evidence === 'strong')) k++;
    else break;
  }
  // Never end on an initial or a particle.
  while (k > i && ((PARTICLES.has((words[k - 1] as Word).lower) && !((words[k - 1] as Word).flags & F.NAME)) || (words[k - 1] as Word).lower.length === 1)) k--;
  return k;
}

/** true when the words after a run make it an organisation or place ("Morgan & Price Insurance"). */
export function followedByOrg(words: readonly Word[], end: number, text: string): boolean {
  const next = words[end];
  if (!next) return false;
  const gap = text.slice((words[end - 1] as Word).end, next.start);
  if (gap.includes('&')) return true;
  if (next.pause) return false;
  // "to Mahmoud savings account": an account type, not a company.
  if (ACCOUNT_WORDS.has(words[end + 1]?.lower ?? '')) return false;
  if (next.flags & F.ORG) return true;
  // "Morgan and Price Insurance", "Hope Harbor Foundation": an organisation word a little further on.
  // "harper valley national bank" in lowercase ASR: a clear company word within three words.
  for (let k = end; k < end + 3 && k < words.length; k++) {
    const w = words[k] as Word;
    if (k > end && w.pause) return false;
    if (w.flags & F.ORG && (k === end || COMPANY_WORDS.has(w.lower))) return true;
    if (w.flags & F.FUNCTION && w.lower !== 'and') return false;
  }
  return false;
}

/** words[i] and words[i + 1] are two syllables of a romanised Korean given name ("min jun", "jae won"). */
export function koreanGivenPairAt(words: readonly Word[], i: number): boolean {
  const a = words[i];
  const b = words[i + 1];
  return a !== undefined && b !== undefined && !b.pause && a.lower !== b.lower && KOREAN_GIVEN_SYLLABLES.has(a.lower) && KOREAN_GIVEN_SYLLABLES.has(b.lower) && !KOREAN_NOT_FIRST.has(a.lower);
}
