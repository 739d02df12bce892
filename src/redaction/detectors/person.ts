/**
 * PERSON: people's names in formatted ASR, raw lowercase ASR and chat, without a hosted model.
 * Evidence, strongest first: a cue before the name ("my name is", "this is", a title, "my son"),
 * the answer to "can I get your full name?", a softer cue ("thanks", "hi"), the name lexicons
 * (faker locales) and capital letters. A name found once is then redacted at every later mention
 * in the conversation, in any case (conversation memory). Titles and a possessive 's stay outside
 * the span; organisations ("Morgan & Price Insurance") are not people (LABELS.md rules 1-4).
 */
import { turnWords, type Word } from '../lexicon/turn-words.js';
import type { Candidate, ConversationView, Detector, TurnView } from '../types.js';
import { GREETING_CUES, NAME_QUESTION, RELATIONS, SOFT_CUES, STRONG_CUES, TITLES } from './person-context.js';
import { F } from '../lexicon/word-flags.js';
import { postcodeEnd } from './address-parts.js';
import { CHAT_CONTRACTIONS } from '../lexicon/closed-classes.js';
import { bare, capitalisedMidSentence, followedByOrg, isNameWord, koreanGivenPairAt, nameRunEnd, type Evidence } from './person-names.js';
import { laterMentions, rememberNames, type Found } from './person-memory.js';
import { greetedLater, introducedNames, introducedSet } from './person-introduction.js';
import { petNames, withoutPets } from './person-pets.js';
import { spelledNames } from './person-spelled.js';
import { brandWords, withoutBrands } from './person-brands.js';
import { signOffNames } from './person-signoff.js';

/** Base score per level of evidence; memory mentions score 0.75, spelled names 0.75-0.85. */
const SCORES: Record<Evidence, number> = { strong: 0.85, greeting: 0.75, soft: 0.7, lexicon: 0.55 };
/** Lead-ins before a name given as an answer: "yes it's", "sure my name is", "um this is". */
const LEAD_INS = new Set(['yes', 'yeah', 'yep', 'yup', 'sure', 'ok', 'okay', 'so', 'well', 'hi', 'hello', "it's", 'its', 'it', 'is', 'this', 'my', 'name', "name's", "i'm", 'i', 'am', 'the', 'full', 'first', 'last', 'sorry', 'right', 'certainly', 'absolutely', 'under']);
/** Words before a name that make it a company's: "calling Morgan", "at Harper". */
const ORG_CUES = new Set(['calling', 'at', 'from', 'visit', 'with', 'by']);
/** Strong cues indexed by their last word: one Map lookup per candidate word. */
const STRONG_CUES_BY_LAST = new Map<string, Array<readonly string[]>>();
for (const cue of STRONG_CUES) {
  const last = cue[cue.length - 1] as string;
  STRONG_CUES_BY_LAST.set(last, [...(STRONG_CUES_BY_LAST.get(last) ?? []), cue]);
}
const NO_CUES: Array<readonly string[]> = [];
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'of', 'from', 'to', 'near', 'around', 'outside', 'into', 'via']);
const MONTHS = new Set('jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august september october november december'.split(' '));
const DAY = /^(?:[0-3]?\d(?:st|nd|rd|th)?|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty|thirtieth|thirty)$/;
const ARTICLES = new Set(['the', 'a', 'an']);
const PRONOUNS = new Set(['she', 'he', 'they', 'i', 'we', 'you', 'it', 'me', 'him', 'her', 'us', 'them', 'that', 'so']);
const MAY_NOT_START = F.FUNCTION | F.FILLER | F.DIGITS | F.NUMBER_WORD | F.LETTER;
const POSSESSIVE_BEFORE = new Set(['my', 'his', 'her', 'our', 'your', 'their', 'the', 'a', 'an']);

/** Words between a possessive and a relation: "my late friend", "our crew lead", "my eldest son". */
const RELATION_MODIFIERS = new Set(['late', 'best', 'old', 'dear', 'little', 'younger', 'older', 'elder', 'eldest', 'oldest', 'youngest', 'new', 'former', 'crew', 'team', 'account', 'case', 'site', 'field', 'lead']);

/** "my", "an", or "my late", "our crew" (a modifier, then a possessive or article) ending at words[k]. */
function possessiveBefore(words: readonly Word[], k: number): boolean {
  const w = words[k]?.lower ?? '';
  return POSSESSIVE_BEFORE.has(w) || (RELATION_MODIFIERS.has(w) && !words[k + 1]?.pause && POSSESSIVE_BEFORE.has(words[k - 1]?.lower ?? ''));
}

/** The evidence the words around words[i] give that a name starts there, if any. */
/**
 * "you're through to Marcia, how can I help": one word, then the greeting goes on, is the agent.
 * "you're through to ParcelPath" (one word in camel case) or "through to Skye Air customer
 * services" (more words) is where the call was put through: a company.
 */
function throughToPerson(words: readonly Word[], i: number): boolean {
  const w = words[i] as Word;
  if (words[i - 1]?.lower !== 'to' || words[i - 2]?.lower !== 'through' || w.pause || /\p{Ll}\p{Lu}/u.test(w.text.slice(1))) return false;
  const next = words[i + 1];
  return next === undefined || next.pause || next.lower === 'how';
}

function cueBefore(words: readonly Word[], i: number): Evidence | undefined {
  const p1 = words[i - 1];
  const w = words[i] as Word;
  const after = words[i + 1];
  // "Jiho speaking", "Aleksandr here" (a greeting's self-introduction).
  if (after && !after.pause && (after.lower === 'speaking' || after.lower === 'here') && (words[i + 2] === undefined || (words[i + 2] as Word).pause || words[i + 2]?.lower === 'how')) return 'greeting';
  if (throughToPerson(words, i)) return 'greeting';
  if (!p1 || w.sentence) return undefined;
  const l1 = bare(p1);
  // "can Wojciech call you back", "could seo yeon call me": a person who will call.
  if ((l1 === 'can' || l1 === 'could' || l1 === 'will') && w.lower !== 'will' && (after?.lower === 'call' || words[i + 2]?.lower === 'call')) return 'strong';
  if (TITLES.has(l1)) return 'strong';
  // "my son Andrew", "my wife's card, Holly", "an adjuster, Hiroshi Allen", "Uncle Richard".
  // ("the beneficiary's name" is a noun after a possessive, not a name.)
  // ("the vet said she ...": after "the", a lowercase word that is also a verb, before a pronoun, is what
  // the person did; after "my" it is still a name: "my son hope he saw ...".)
  const verbLike = w.flags & F.AMBIGUOUS && !w.cap && PRONOUNS.has(after?.lower ?? '') && ARTICLES.has(words[i - 2]?.lower ?? '');
  // "my colleague will call you": after a relation, a lowercase "will" before another word is the
  // verb ("my husband, will." and "... and my mother will" ending the turn name him).
  const modal = w.lower === 'will' && !w.cap && !w.pause && after !== undefined && !after.pause && !(after.flags & F.NAME);
  if (RELATIONS.has(l1) && !(p1.flags & F.POSSESSIVE) && !verbLike && !modal && (possessiveBefore(words, i - 2) || l1 === 'uncle' || l1 === 'aunt')) return 'strong';
  // "thank you, X", "thanks so much X", "thank you so much X".
  const thankYou =
    (l1 === 'you' && words[i - 2]?.lower === 'thank') ||
    (l1 === 'much' && words[i - 2]?.lower === 'so' && (words[i - 3]?.lower === 'thanks' || words[i - 3]?.lower === 'you'));
  // "your adjuster is Eun Ji Law", "my doctor is Story".
  if (l1 === 'is' && RELATIONS.has(words[i - 2]?.lower ?? '') && POSSESSIVE_BEFORE.has(words[i - 3]?.lower ?? '')) return 'strong';
  // "your adjuster will be dawn achterberg".
  if (l1 === 'be' && words[i - 2]?.lower === 'will' && RELATIONS.has(words[i - 3]?.lower ?? '') && POSSESSIVE_BEFORE.has(words[i - 4]?.lower ?? '')) return 'strong';
  if (w.pause) return GREETING_CUES.has(l1) || thankYou ? 'greeting' : SOFT_CUES.has(l1) ? 'soft' : undefined;
  for (const cue of STRONG_CUES_BY_LAST.get(l1) ?? NO_CUES) {
    const n = cue.length;
    let ok = true;
    for (let k = 0; k < n && ok; k++) ok = words[i - n + k]?.lower === cue[k] && (k === 0 || !(words[i - n + k] as Word).pause);
    if (ok) return 'strong';
  }
  return GREETING_CUES.has(l1) || thankYou ? 'greeting' : SOFT_CUES.has(l1) ? 'soft' : undefined;
}

function asksName(turn: TurnView): boolean {
  return (turnWords(turn).mask & F.NAME_QUESTION_WORD) !== 0 && NAME_QUESTION.test(turn.lower);
}

/** Names in one turn, before memory. */
function findInTurn(conversation: ConversationView, position: number, turn: TurnView): Found[] {
  const words = turnWords(turn);
  const out: Found[] = [];
  // The answer to "can I get your full name?": the first name-like words of the reply.
  let answerAt = -1;
  const previous = conversation.turns[position - 1];
  // A question back ("What time works best?") is not an answer.
  if (previous && previous.speaker !== turn.speaker && asksName(previous) && !turn.text.trimEnd().endsWith('?')) {
    let skipped = false;
    let others = 0;
    for (let k = 0; k < words.length && k < 12 && others < 4; k++) {
      const w = words[k] as Word;
      if (LEAD_INS.has(w.lower) || w.flags & F.FILLER) continue;
      others++;
      const end = nameRunEnd(words, k, 'strong');
      const next = words[end];
      const capMid = w.cap && !w.sentence;
      // A lone everyday word ("just mine", "my bill") is a name only right after the lead-ins;
      // a lone unknown word followed by more words is likely a typo ("thiis is", "actully my").
      const closes = next === undefined || next.pause;
      const lone =
        end === k + 1 &&
        !capMid &&
        ((w.flags & (F.AMBIGUOUS | F.ENGLISH | F.VOCAB_NAME) && (skipped || !closes)) || (!(w.flags & F.NAME) && !closes));
      // Past other words, only a clear name starts the answer ("I need to send back a winter coat").
      const unclear = skipped && (w.flags & (F.AMBIGUOUS | F.ENGLISH | F.VOCAB_NAME)) !== 0 && !capMid;
      skipped = true;
      if (end > k && !lone && !unclear) {
        answerAt = k;
        break;
      }
      if (w.sentence && k > 0) break;
    }
  }
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as Word;
    // Prefilter: a word that cannot start a name under any evidence.
    const f = w.flags;
    if ((f & MAY_NOT_START && w.lower !== 'will') || !(f & F.NAME_SHAPE)) continue;
    // "my son's visit", "my son youssef": a kinship word after a possessive stays outside the span (LABELS rule 1);
    // "my name's Rose": the lead-in word is never part of the name.
    const b = f & F.POSSESSIVE ? bare(w) : w.lower;
    if ((RELATIONS.has(b) && POSSESSIVE_BEFORE.has(words[i - 1]?.lower ?? '')) || b === 'name') continue;
    // "on Dec 18", "May 2nd": a month followed by a day is a date (LABELS rule 9), not a name.
    if (MONTHS.has(w.lower) && DAY.test(words[i + 1]?.lower ?? '') && !words[i + 1]?.pause) continue;
    // An English word can start a name only capitalised mid-sentence or after a personal title.
    const title = i > 0 && ((words[i - 1] as Word).flags & F.PERSONAL_TITLE) !== 0;
    if (f & F.ENGLISH && !(w.cap && !w.sentence) && !title && i !== answerAt && !koreanGivenPairAt(words, i)) continue;
    // "ive just moved" (I've, typed without the apostrophe) is never a name.
    if (CHAT_CONTRACTIONS.has(w.lower)) continue;
    const cue = i === answerAt ? 'strong' : cueBefore(words, i);
    let evidence: Evidence = cue ?? 'lexicon';
    let end = nameRunEnd(words, i, evidence);
    // "thank you mister fox": after a personal title an everyday word is a surname.
    if (end === i && title && w.flags & F.ENGLISH && !(w.flags & F.FUNCTION)) end = i + 1;
    if (end === i && cue === 'soft') {
      evidence = 'lexicon';
      end = nameRunEnd(words, i, evidence);
    }
    if (end === i) continue;
    // "NovaNet", "ClearReturn", "TaxBridge": a capital inside the word after four letters or more is
    // a brand ("DeShawn", "LaToya", "McKenzie", "MacDonald" have shorter prefixes).
    if (evidence !== 'strong' && /^\p{Lu}\p{Ll}{3,}\p{Lu}\p{Ll}/u.test(w.text) && !/^Fitz/.test(w.text)) continue;
    // "BitMoon Markets", "Stornoway Removals": a capitalised run ending in an everyday word is a company.
    const lastWord = words[end - 1] as Word;
    const orgLike = end - i >= 2 && lastWord.cap && lastWord.flags & F.ENGLISH && !(lastWord.flags & F.NAME) && evidence !== 'strong';
    if (orgLike || followedByOrg(words, end, turn.text)) {
      i = end - 1;
      continue;
    }
    const before = words[i - 1];
    // "77 Lark Rise": words after a house number are a street.
    if (evidence !== 'strong' && before && before.flags & F.DIGITS) continue;
    // "born in Portland", "the Mall of America": a place after a place preposition, even if also a name.
    // A dictionary proper noun that is no known name ("to Lisbon", "in Chennai") is a place there too.
    const placeLike = w.flags & F.PLACE || (w.flags & F.PROPER && !(w.flags & F.NAME));
    if (evidence !== 'strong' && placeLike && PLACE_PREPOSITIONS.has(before?.lower ?? '')) continue;
    // "London E8 4QJ", "Leeds LS1 4AP": a word right before a postcode is the post town.
    if (evidence !== 'strong' && !((words[end]?.flags ?? F.DIGITS) & (F.DIGITS | F.NUMBER_WORD)) && postcodeEnd(words, end) >= 0) continue;
    if (evidence !== 'strong' && before && !w.pause) {
      // "thanks for calling Morgan and Price", "at Harper ...": a company after these words.
      // "you're through to ParcelPath": where a call is put through is a company.
      if (before.lower === 'calling' || before.lower === 'contacting' || (before.lower === 'to' && words[i - 2]?.lower === 'through' && !throughToPerson(words, i)) || (ORG_CUES.has(before.lower) && w.cap)) continue;
      // "Cedar Hills Pediatrics": a name word inside a longer capitalised phrase is a place or company.
      if (w.cap && capitalisedMidSentence(before) && !(before.flags & F.NAME) && !TITLES.has(bare(before))) {
        i = end - 1;
        continue;
      }
    }
    // "Yasmin speaking": a name said before "speaking"/"here" at the start of a sentence.
    const after = words[end]?.lower;
    const pattern = cue === undefined && (after === 'speaking' || after === 'here') ? 'name-speaking' : cue ? `cue-${evidence}` : 'lexicon';
    // "with minjun horvat": an unknown word right before a known surname belongs to the name.
    const left = words[i - 1];
    if (
      left &&
      (cue === undefined || i === answerAt) &&
      !(words[i] as Word).pause &&
      !(left.flags & (F.ENGLISH | F.FUNCTION | F.PLACE | F.ORG)) &&
      !TITLES.has(left.lower) &&
      bare(left) !== 'name' &&
      !RELATIONS.has(bare(left)) &&
      isNameWord(left, 'strong', true) &&
      !out.some((f) => f.end > left.start)
    )
      i--;
    const first = words[i] as Word;
    const last = words[end - 1] as Word;
    out.push({
      start: first.start,
      end: last.start + bare(last).length,
      pattern: i === answerAt ? 'name-answer' : pattern,
      score: pattern === 'name-speaking' ? SCORES.soft : SCORES[evidence] + (evidence === 'lexicon' && first.cap && !first.sentence ? 0.15 : 0),
    });
    i = end - 1;
  }
  return out;
}

/** Drops spans lying inside another (a spelled name also read as an answer). */
function withoutNested(list: Found[]): Found[] {
  return list.filter((f, k) => !list.some((g, j) => j !== k && g.start <= f.start && g.end >= f.end && (g.end - g.start > f.end - f.start || j < k)));
}

export const personDetector: Detector = {
  name: 'person',
  types: ['PERSON'],
  detect(conversation: ConversationView): Candidate[] {
    const turns = conversation.turns;
    const brands = brandWords(turns);
    const found: Found[][] = turns.map((t, p) =>
      withoutNested([...findInTurn(conversation, p, t), ...spelledNames(conversation, p, t), ...introducedNames(p, t), ...signOffNames(t, brands)]),
    );
    // A pet's name is no person: dropped before it is remembered for later turns.
    const pets = petNames(turns);
    if (pets.size > 0) turns.forEach((t, p) => (found[p] = withoutPets(t, found[p] as Found[], pets)));
    // Nor is the brand the call is for.
    if (brands.size > 0) turns.forEach((t, p) => (found[p] = withoutBrands(t, found[p] as Found[], brands)));
    const memory = rememberNames(turns, found);
    const introduced = introducedSet(turns, found);
    const out: Candidate[] = [];
    turns.forEach((turn, p) => {
      const list = found[p] as Found[];
      // Mentions found by memory are screened for the brand too ("found" already was).
      const later: Found[] = [];
      if (memory.size > 0) later.push(...laterMentions(turn, list, memory));
      if (introduced.size > 0) later.push(...greetedLater(turn, [...list, ...later], introduced));
      list.push(...(brands.size > 0 ? withoutBrands(turn, later, brands) : later));
      for (const f of list)
        out.push({
          type: 'PERSON',
          turn: turn.index,
          start: f.start,
          end: f.end,
          pattern: f.pattern,
          baseScore: f.score,
          notes: f.pattern === 'name-memory' ? ['name-memory'] : [],
        });
    });
    return out;
  },
};
