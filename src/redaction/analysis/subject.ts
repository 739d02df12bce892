import type { ConversationView, TurnView } from '../types.js';
import { isInterjection, previousOtherTurn } from './context.js';
import { digitRuns, type DigitRun } from './digit-runs.js';
import { turnCache } from './turn-cache.js';
import { typoKeywords } from './typos.js';

/**
 * What a number is about, from the words around it: "card ending in 4821" is a card, "routing
 * 071927222" a routing number, "order number 12345" nothing sensitive. The closest keyword before
 * the number in its turn decides; with none, the keywords of the other party's last question
 * ("what's the card number?") do. Multi-word phrases are listed first so "security code on the
 * card" reads as CVV, "order number" as an order, not as a card or a phone number.
 */
export type Subject = 'skip' | 'amount' | 'card' | 'expiry' | 'cvv' | 'ssn' | 'account' | 'routing' | 'iban' | 'phone' | 'dob' | 'negative' | 'device';

const PHRASES: ReadonlyArray<[Subject, string]> = [
  // "the last four digits (of the card)": says nothing by itself; the noun after it decides.
  ['skip', String.raw`(?:the )?last (?:four|4|five|5|two|2)(?: digits| numbers)?(?: of (?:the|your|my))?|ending (?:in|with)|ends (?:in|with)`],
  // A piece of a value being dictated ("first part is", "second group?", "next set:"): not a part or group number.
  ['skip', String.raw`(?:part|group|set|chunk|half|section|block|bit|batch)(?= is| are| was|:|,|\.|\?|$)`],
  // A handset's own identifiers (an IMEI passes Luhn like a card): asked for, they decide the answer.
  ['device', String.raw`(?:imei|iccid|meid|esn)(?: number| no\.?| #)?`],
  ['negative', String.raw`(?:insurance|gift|sim|id|library|loyalty|membership|member|rewards|health|medicare|medicaid) card(?: number)?`],
  ['negative', String.raw`(?:verification|confirmation|one[- ]time|access|promo|promotional|discount|coupon|zip|postal|post|authori[sz]ation|reset|pass|otp) code`],
  // "your council tax account reference", "the account ID": a reference to an account, not its bank number.
  ['negative', String.raw`council tax(?: account)?(?: reference| ref| number| no\.?)?|(?:tax |customer |utility |loyalty )?account (?:reference|ref|id|pin|password|name|holder)`],
  ['cvv', String.raw`(?:cvv2?|cvc2?|c v v|c v c|csc|cid|card verification(?: value| code| number)?|(?:card )?security (?:code|number)|(?:three|four|3|4)[- ]digit(?:s|s? (?:code|number))?(?: on the back)?|digits on the back|numbers? on the back|code on the back)(?: (?:on|of) (?:the|your) (?:card|back))?`],
  ['expiry', String.raw`(?:expir\w*|expiry|exp\.?(?=[ :])|valid (?:thru|through|until)|good (?:thru|through|until))(?: date)?(?: (?:on|of) (?:the|your) card)?`],
  ['routing', String.raw`(?:routing|rtn|aba|transit|sort code)(?: number| no\.?| #)?`],
  ['iban', String.raw`(?:iban|i ban|i b a n|international bank account)(?: number| no\.?| #)?`],
  ['ssn', String.raw`(?:social security|social|ssn|s s n|ss|taxpayer id|tin)(?: number| no\.?| #)?`],
  ['dob', String.raw`date of birth|d o b|birth ?date|birthday|b-?day|born|dob|d\.o\.b|birth`],
  ['card', String.raw`(?:sixteen|fifteen|16|15|long)[- ]digit(?:s| number)?|digits on the front|number on the front|(?:credit|debit|payment|bank|the|your|my|this|that|new|old|same) card(?: number)?|card(?: number)?|long number|cc|ccn|visa|master ?card|amex|american express|discover|maestro|diners|jcb|union ?pay|pan`],
  ['account', String.raw`(?:bank |checking |savings |chequing )?(?:account|acct|acc|a/c)(?: number| no\.?| #)?|checking|savings|chequing`],
  ['phone', String.raw`phone|telephone|text|texts|texted|sms|whatsapp|(?:what|which) number|area code|cell|mobile|landline|fax|call ?back|call (?:me|you|us|them|him|her)|reach (?:me|you|us|them|him|her)|contact (?:me|you|us|them|him|her)|call|calling|reached|reach|contact|contacting|get in touch|direct line|line|text (?:me|you|us|them|him|her)|(?:my|your|the|his|her|their|best|good|contact|home|work|direct|toll[- ]free|new|other|alternate|daytime|evening|callback) number|number to reach|dial|hotline|number (?:is|will be|was)`],
  // Money words: an amount, not an identifier. They do not hide a full, Luhn-valid card number ("I'd like to pay, it's 4111 ...").
  ['amount', String.raw`limit|credit limit|balance|total|price|cost|fee|charge|charged|spend|spent|owe|owed|pay|paid|payment of|deposit|refund|worth|amount`],
  ['negative', String.raw`(?:mail|mailed|send|sent|ship|shipped|deliver|delivered|move|moved|moving|live|lives|living|located|stay|staying|go|goes|going) (?:it |them |out |over )?(?:to|at|in)|address|street|avenue|road|drive|lane|boulevard|apartment`],
  ['negative', String.raw`(?:order|tracking|track|case|ticket|claim|confirmation|conf|booking|reservation|mandate|application|request|enquiry|inquiry|incident|job|work order|scheme|prescription|rx|reference|ref|invoice|receipt|sku|item|model|serial|flight|otp|code|pin|passcode|password|zip|postal|postcode|policy|member|id|rma|return|quantity|qty|version|room|gate|seat|floor|unit|suite|apt|apartment|building|street|avenue|plan|gig|gb|mbps|meter|\$|€|£|usd|copay|deductible|credit of|bill|due|draft of|collection of|percent|%|minutes|hours|days|weeks|months|years|times|am|pm|a\.m|p\.m|o'clock|noon|version|tier|step|page|chapter|mile|miles|pounds|lbs|kg|extension|ext\.?|license|licence|plate|vin|badge|employee|customer|patient|student|passport|tax|vat|ein|registration|lot|batch|part|product|store|branch|transaction|voucher|bus|train|route|platform|tail|group|rx)(?: (?:number|no\.?|#|id|code))?`],
];

// ASCII word boundaries (keywords are ASCII): much faster than Unicode property escapes. No capture
// groups: which subject a match belongs to is looked up afterwards (and memoized per matched text).
const KEYWORDS = new RegExp(`(?<![A-Za-z0-9])(?:${PHRASES.map(([, p]) => `(?:${p})`).join('|')})(?![A-Za-z0-9])`, 'g');
const ANCHORED: ReadonlyArray<[Subject, RegExp]> = PHRASES.map(([subject, p]) => [subject, new RegExp(`^(?:${p})(?![A-Za-z0-9])`)]);
const subjectOfMatch = new Map<string, Subject>();

/**
 * The subject of a keyword match: the first phrase (in PHRASES order, as the alternation tries
 * them) matching at its position. `text` is the match plus the characters its lookaheads need.
 */
function subjectOf(text: string): Subject {
  let subject = subjectOfMatch.get(text);
  if (subject === undefined) {
    subject = (ANCHORED.find(([, re]) => re.test(text)) ?? ['skip'])[0];
    if (subjectOfMatch.size < 5000) subjectOfMatch.set(text, subject);
  }
  return subject;
}

/** Number followed by a unit or a word that makes it an amount, a time or a quantity. */
const AFTER_NEGATIVE = /^\s?(?:dollars?|bucks|cents|euros?|pounds?|rupees?|yen|yuan|pesos?|francs?|rand|naira|dirhams?|riyals?|kronor|krona|kroner|zloty|zlotys|won|pence|p\b|percent|%|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|items?|units?|pieces?|pcs|am|pm|a\.m|p\.m|o'clock|gb|mb|tb|gig|mbps|miles?|km|lbs?|kg|business days|times|x\b|st\b|nd\b|rd\b|th\b|:\d)/;
const BEFORE_NEGATIVE = /(?:[$€£]|\d[.:,]|[:.,]\d)\s?$/;

interface KeywordHit {
  start: number;
  end: number;
  subject: Subject;
  /** "the number", "number is": says a number follows, not what it is; an earlier noun decides ("my prescription, the number is ..."). */
  generic?: boolean;
}

const CHUNK_WORDS = new Set(['part', 'group', 'set', 'chunk', 'half', 'section', 'block', 'bit', 'batch']);
const GENERIC_NUMBER = /^(?:the number|number (?:is|was|will be))$/;

const OWNED_NOUN = /^(?:number|code|date)(?![a-z])/;

/** Every keyword of a turn, in order (computed once per turn). */
function keywordHits(turn: TurnView): KeywordHit[] {
  const memo = turnCache(turn);
  let hits = memo.keywordHits as KeywordHit[] | undefined;
  if (hits !== undefined) return hits;
  hits = [];
  const text = turn.lower;
  KEYWORDS.lastIndex = 0;
  for (let m = KEYWORDS.exec(text); m !== null; m = KEYWORDS.exec(text)) {
    const end = m.index + m[0].length;
    // One character after the match settles every lookahead but the chunk words' (" is", " are"); fewer distinct memo keys.
    const hit: KeywordHit = { start: m.index, end, subject: subjectOf(text.slice(m.index, end + (CHUNK_WORDS.has(m[0]) ? 4 : 1))) };
    if (hit.subject === 'phone' && GENERIC_NUMBER.test(m[0])) hit.generic = true;
    hits.push(hit);
  }
  const typos = typoKeywords(text);
  if (typos.length > 0) {
    // "accunt number is": the misspelled noun owns the "number" after it (as "account number" would).
    // Same for "seucrity code", "expiation date".
    hits = hits.filter((h) => !typos.some((t) => h.start >= t.end && h.start <= t.end + 1 && OWNED_NOUN.test(text.slice(h.start, h.start + 7))));
    hits.push(...typos);
    hits.sort((a, b) => a.start - b.start);
  }
  memo.keywordHits = hits;
  return hits;
}

/** Every subject named in a turn (skip words left out), computed once per turn. */
export function turnSubjects(turn: TurnView): ReadonlySet<Subject> {
  const memo = turnCache(turn);
  let subjects = memo.subjects as Set<Subject> | undefined;
  if (subjects === undefined) {
    subjects = new Set();
    for (const h of keywordHits(turn)) if (h.subject !== 'skip') subjects.add(h.subject);
    memo.subjects = subjects;
  }
  return subjects;
}

/** The closest keyword ending before `start` and beginning within `window` characters of it. */
function lastKeyword(turn: TurnView, start: number, window: number): Subject | undefined {
  const hits = keywordHits(turn);
  for (let i = hits.length - 1; i >= 0; i--) {
    const h = hits[i] as KeywordHit;
    if (h.end > start) continue;
    if (h.start < start - window) return undefined;
    if (h.subject === 'skip') continue;
    if (h.generic === true) return earlierSubject(turn.lower, hits, i) ?? h.subject;
    return h.subject;
  }
  return undefined;
}

/**
 * The noun that a generic "the number is" (hit `i`) refers to: a keyword right before it in the
 * same clause ("my prescription, the number is"). Not across a sentence or a preposition: in "the
 * address is 7 Elm Street. The number is ..." and "a confirmation to the number ..." it is a phone.
 */
function earlierSubject(lower: string, hits: readonly KeywordHit[], i: number): Subject | undefined {
  const g = hits[i] as KeywordHit;
  for (let j = i - 1; j >= 0; j--) {
    const h = hits[j] as KeywordHit;
    if (h.subject === 'skip') continue;
    if (h.generic === true) return undefined;
    const between = lower.slice(h.end, g.start);
    if (SAME_CLAUSE.test(between)) return h.subject;
    // "I'd like to pay by card. The number is ...": the previous sentence's sensitive noun carries over
    // (an address or an order there does not: "... Avenue. The number is 510-...").
    return SENSITIVE.has(h.subject) && NEXT_SENTENCE.test(between) ? h.subject : undefined;
  }
  return undefined;
}
const SAME_CLAUSE = /^\s?[,:;-]?\s?$/;
const NEXT_SENTENCE = /^[^.!?]{0,30}[.!?]\s?$/;
const SENSITIVE: ReadonlySet<Subject> = new Set(['card', 'account', 'routing', 'iban', 'ssn']);

/** "the mobile number on the account", "the zip code for your card": the second noun only qualifies the first. */
const QUALIFIER_BEFORE = /(?:on|for|of|from|with|in|under|to|linked to|tied to) (?:the|your|my|this|that|file|record)(?: \w+)? $/;

/** "pay with my visa", "put it on the card": the noun is what is being used, not a qualifier. */
const PAY_WITH = /(?:pay|paying|paid|use|using|charge|put it|go) (?:it )?(?:with|by|on|to) (?:the|your|my|this|that)(?: \w+)? $/;

/**
 * Subjects asked about in a question, ignoring qualifiers, and ignoring subjects the turn itself
 * answers: after "my account number is 072238150" the next turn is not about an account, so a
 * topic's context does not stay on for later turns about something else.
 */
function allKeywords(turn: TurnView): Set<Subject> {
  const found = new Set<Subject>();
  // A read-back to confirm ("that's the card ending 5191?") still asks: "no, 5119" answers it.
  const runs = PART_QUESTION.test(turn.lower) || turn.lower.includes('?') ? [] : digitRuns(turn);
  for (const h of keywordHits(turn)) {
    if (h.subject === 'skip') continue;
    if (runs.length > 0 && answeredAfter(runs, h.end)) continue;
    if (found.size > 0) {
      const before = turn.lower.slice(Math.max(0, h.start - 30), h.start);
      if (QUALIFIER_BEFORE.test(before) && !PAY_WITH.test(before)) continue;
    }
    found.add(h.subject);
  }
  return found;
}

/** Is a value (two or more digits) given within a few words after a keyword ending at `end`? */
function answeredAfter(runs: readonly DigitRun[], end: number): boolean {
  for (const r of runs) if (r.start >= end && r.start - end <= 40 && r.digits.length >= 2) return true;
  return false;
}

export interface NumberContext {
  /** Closest keyword before the number in its own turn (within the window). */
  near: Subject | undefined;
  /** Keywords of the other party's previous turn (the question this turn answers). */
  asked: ReadonlySet<Subject>;
  /** A currency sign, unit, time or decimal point sits right next to the number. */
  amountLike: boolean;
}

const EMPTY: ReadonlySet<Subject> = new Set();

/**
 * Subjects of the other party's last question. A question is often cut into several turns
 * ("give me the order ID and email" / "please"), so the other party's consecutive turns before
 * this one count together (at most three).
 */
export function askedIn(conv: ConversationView, turnIndex: number): ReadonlySet<Subject> {
  const own = conv.turns[turnIndex];
  if (own === undefined) return EMPTY;
  const ownMemo = turnCache(own);
  let result = ownMemo.askedFor as ReadonlySet<Subject> | undefined;
  if (result === undefined) {
    const question = questionSubjects(conv, turnIndex);
    const announced = announcedSubjects(conv, turnIndex);
    result = announced.size === 0 ? question : question.size === 0 ? announced : new Set([...question, ...announced]);
    ownMemo.askedFor = result;
  }
  return result;
}

/**
 * "I want to pay with my visa." / "Sure, go ahead." / "4539 1488 ...": the speaker's own last
 * statement (no value in it, the other party only acknowledged since) says what comes next.
 */
/** The statement announces a value about to be given or used ("I'll pay with my visa", "here's my new number"), not a complaint about it. */
const GIVING = /\b(?:pay|paying|use|using|give|giving|read|here's|here is|update|change|new|put it on|charge it|add|switch|enter)\b/;

function announcedSubjects(conv: ConversationView, turnIndex: number): ReadonlySet<Subject> {
  const own = conv.turns[turnIndex] as TurnView;
  if (own.speaker === undefined) return EMPTY;
  for (let i = turnIndex - 1; i >= 0 && i >= turnIndex - 4; i--) {
    const t = conv.turns[i] as TurnView;
    if (isInterjection(t.lower)) continue;
    if (t.speaker !== own.speaker || digitRuns(t).length > 0 || !GIVING.test(t.lower)) return EMPTY;
    return allKeywords(t);
  }
  return EMPTY;
}

function questionSubjects(conv: ConversationView, turnIndex: number): ReadonlySet<Subject> {
  const prev = previousOtherTurn(conv, turnIndex);
  if (prev === undefined) return EMPTY;
  const memo = turnCache(prev);
  let s = memo.asked as ReadonlySet<Subject> | undefined;
  if (s === undefined) {
    s = allKeywords(prev);
    for (let i = prev.index - 1, n = 1; i >= 0 && n < 3; i--, n++) {
      const t = conv.turns[i];
      if (t === undefined || t.speaker !== prev.speaker) break;
      if (s.size > 0) break;
      s = allKeywords(t);
    }
    if (s.size === 0 && ELLIPTICAL.test(prev.lower)) s = earlierQuestion(conv, prev);
    memo.asked = s;
  }
  return s;
}


/** "And Vikram's?", "and for your son?", "and yours?": a question that reuses the one before it. */
const ELLIPTICAL = /^\s*(?:and|what about|how about)\s+(?:for\s+)?(?:yours|his|hers|theirs|(?:your|his|her|their|the)\s+[\p{L}'’-]+|(?:[\p{L}-]+\s)?[\p{L}-]+['’]s)\s*\??\s*$/u;

/**
 * The subjects of the same speaker's question before an elliptical one: "What is Faith's date of
 * birth?" / "jul 25 2002." / "And Vikram's?" asks for a date of birth again. The speaker's turns
 * in between are looked through (at most four turns back), the answers of the other party skipped.
 */
function earlierQuestion(conv: ConversationView, question: TurnView): ReadonlySet<Subject> {
  const at = conv.turns.indexOf(question);
  for (let i = at - 1; i >= 0 && i >= at - 4; i--) {
    const t = conv.turns[i] as TurnView;
    if (t.speaker !== question.speaker) continue;
    const s = allKeywords(t);
    if (s.size > 0) return s;
  }
  return EMPTY;
}

/** Context of the original span [start, end) of turn `turnIndex` (cached: detectors ask for the same spans). */
export function numberContext(conv: ConversationView, turnIndex: number, start: number, end: number, window = 60): NumberContext {
  const byIndex = conv.turns[turnIndex];
  const turn = byIndex !== undefined && byIndex.index === turnIndex ? byIndex : (conv.turns.find((t) => t.index === turnIndex) as TurnView);
  const memo = turnCache(turn);
  let cache = memo.contexts as Map<number, NumberContext> | undefined;
  if (cache === undefined) {
    cache = new Map();
    memo.contexts = cache;
  }
  const key = (start * 65536 + end) * 128 + window;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const ctx: NumberContext = {
    near: lastKeyword(turn, start, window),
    asked: askedIn(conv, turn.index),
    amountLike: AFTER_NEGATIVE.test(turn.lower.slice(end, end + 16)) || BEFORE_NEGATIVE.test(turn.lower.slice(Math.max(0, start - 4), start)),
  };
  cache.set(key, ctx);
  return ctx;
}

/** Cheap tests for `mentions`: word stems per subject (substring search, far cheaper than any regex). */
const MENTION_STEMS: Partial<Record<Subject, readonly string[]>> = {
  dob: ['birth', 'born', 'dob', 'd o b', 'd.o.b', 'bday', 'b-day'],
  cvv: ['cvv', 'cvc', 'c v ', 'csc', 'cid', 'security', 'verification', 'on the back', 'digit', 'code'],
  expiry: ['exp', 'valid', 'good thru', 'good through', 'good until'],
  card: ['card', 'cc', 'visa', 'master', 'amex', 'american express', 'discover', 'maestro', 'diners', 'jcb', 'union', 'pan', 'long number', 'front', 'digit'],
  routing: ['routing', 'rtn', 'aba', 'transit', 'sort code'],
  account: ['account', 'acct', 'acc', 'a/c', 'checking', 'savings', 'chequing'],
  ssn: ['social', 'ssn', 's s n', 'ss', 'taxpayer', 'tin'],
};

/**
 * Does any turn name one of `subjects`? Detectors that need context (CVV, date of birth, routing)
 * skip a conversation that never mentions it: a cheap prefilter run before any keyword scan.
 */
export function mentions(conv: ConversationView, ...subjects: Subject[]): boolean {
  let cache = mentionCache.get(conv);
  if (cache === undefined) {
    // One lower-cased string for the whole conversation ("\n" keeps stems from spanning turns).
    cache = { text: conv.turns.map((t) => t.lower).join('\n'), results: new Map() };
    mentionCache.set(conv, cache);
  }
  for (const subject of subjects) {
    let found = cache.results.get(subject);
    if (found === undefined) {
      const stems = MENTION_STEMS[subject];
      found = stems === undefined || stems.some((stem) => (cache as MentionCache).text.includes(stem));
      cache.results.set(subject, found);
    }
    if (found) return true;
  }
  return false;
}

interface MentionCache {
  text: string;
  results: Map<Subject, boolean>;
}
const mentionCache = new WeakMap<ConversationView, MentionCache>();

const PART_LEAD = /(?:ending(?: in| with)?|ends (?:in|with)|last (?:four|4|five|5)(?: digits| numbers)?(?: (?:is|are|of (?:the|your|my) \w+(?: \w+)?))?)\W*(?:it's |its |um |uh )?$/;

/**
 * A short number (a last four) belongs to `subject` only when said as such: after "ending in" /
 * "last four", right after the subject's own words (`rightBefore`), or as the answer to the
 * question. "I've had the account since 2015" is not an account number.
 */
export function saidAsPart(turn: TurnView, start: number, ctx: NumberContext, subject: Subject, rightBefore: RegExp): boolean {
  if (ctx.near === undefined && ctx.asked.has(subject)) return true;
  const before = turn.lower.slice(Math.max(0, start - 40), start);
  return PART_LEAD.test(before) || rightBefore.test(before);
}

const PART_QUESTION = /last (?:four|4|few)|ending|ends (?:in|with)/;

/** Did the other party ask for a part of a number ("what are the last four digits of your phone?")? */
export function askedForPart(conv: ConversationView, turnIndex: number): boolean {
  const prev = previousOtherTurn(conv, turnIndex);
  return prev !== undefined && PART_QUESTION.test(prev.lower);
}

/** Is the number about `subject`: named just before it, or (nothing named) asked for in the question? */
export function isAbout(ctx: NumberContext, subject: Subject): boolean {
  // A question about the handset's IMEI is answered with the IMEI, whatever else it mentions.
  return ctx.near === subject || (ctx.near === undefined && ctx.asked.has(subject) && !ctx.asked.has('device'));
}

/** Is the number about something we must not redact (an order, an amount, a time)? */
export function isNegative(ctx: NumberContext): boolean {
  if (ctx.amountLike || ctx.near === 'negative' || ctx.near === 'amount' || ctx.near === 'device') return true;
  if (ctx.near !== undefined) return false;
  if (ctx.asked.has('device')) return true;
  if (!ctx.asked.has('negative') && !ctx.asked.has('amount')) return false;
  for (const s of ctx.asked) if (s !== 'negative' && s !== 'amount') return false;
  return true;
}
