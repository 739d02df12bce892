import type { ConversationView, TurnView } from '../types.js';
import { isInterjection } from './context.js';
import { digitRuns, type DigitRun } from './digit-runs.js';
import { turnSubjects, type Subject } from './subject.js';

/** A chunk of a value dictated over several turns. */
export interface DictatedPiece {
  turn: number;
  run: DigitRun;
  /** A chunk said twice: the other party echoing it ("5556, okay.") or the speaker repeating it when asked; redacted with the value, not counted in it. */
  echo?: boolean;
}

/**
 * A chunk is said with a few words around it ("then 3558 8905 37, that's the end"); a sentence with
 * a number in it ("your application is ..., the first draft is on June 3rd 2025") is not a chunk.
 */
const MAX_CHUNK_CHATTER = 60;

/** A turn naming another subject ("my zip is 60614") is not the next chunk. */
function namesOtherTopic(t: TurnView, subject: Subject): boolean {
  for (const s of turnSubjects(t)) if (s !== subject && s !== 'negative' && NEW_TOPIC.has(s)) return true;
  return false;
}
function chatter(t: TurnView, runs: readonly DigitRun[]): number {
  let n = t.text.length;
  for (const r of runs) n -= r.end - r.start;
  return n;
}

/** "sorry, could you repeat that?", "say that again", "pardon?": the next chunk is the last one said again. */
const REPEAT_REQUEST = /\b(?:repeat|again|pardon|come again|say that|missed that|didn't catch|did not catch)\b/;

const WH_QUESTION = /\b(?:how|what|what's|which|who|when|where|why)\b/;
const ASKS_FOR_MORE = /\b(?:next|rest|then|more|continue|go on|after that|remaining|remainder|last|final|group|set|part|chunk|again|repeat|keep going|others?|else)\b/;

/** Words of a turn besides the digits of `run`: "it's oh four" has one, "04, I think, or maybe 05" more. */
export function wordsBesides(turn: TurnView, run: DigitRun): number {
  return (turn.text.slice(0, run.start) + ' ' + turn.text.slice(run.end)).split(/[^\p{L}']+/u).filter(Boolean).length;
}

/** How many turns of the other party in a row a dictation survives ("one moment" / "sorry, go on"). */
const MAX_PROMPTS = 3;
/** Longer turns are not prompts for the next chunk but a change of topic. */
const MAX_PROMPT_LENGTH = 80;
/** Subjects that, asked in between, end a dictation: the next answer is about them. */
const NEW_TOPIC: ReadonlySet<Subject> = new Set(['card', 'expiry', 'cvv', 'ssn', 'account', 'routing', 'iban', 'phone', 'dob', 'amount', 'negative']);

/**
 * Does the other party's turn let a dictation of `subject` go on? Back-channels ("okay", "mm-hmm"),
 * prompts for the next chunk ("next set?", "got it, next four?", "and the last four?", "second
 * group?"), stalls ("one moment, the screen froze") and an echo of the last chunk do; a question
 * about another subject ("and the expiry?"), a read-back of other digits or a long turn do not.
 */
export function letsDictationContinue(t: TurnView, subject: Subject, lastDigits: string): 'yes' | 'echo' | 'repeat' | 'no' {
  const lower = t.lower;
  if (isInterjection(lower)) return 'yes';
  if (lower.length <= MAX_PROMPT_LENGTH && REPEAT_REQUEST.test(lower)) return 'repeat';
  if (lower.length > MAX_PROMPT_LENGTH) return 'no';
  let echo = false;
  for (const r of digitRuns(t)) {
    // "next four", "the last two": a count, not a value.
    if (r.digits.length <= 1) continue;
    if (r.digits === lastDigits) echo = true;
    else return 'no';
  }
  for (const s of turnSubjects(t)) if (s !== subject && NEW_TOPIC.has(s)) return 'no';
  // "how much do you want to transfer?": a new question; "what comes next?", "and the rest?" ask for more.
  if (WH_QUESTION.test(lower) && !ASKS_FOR_MORE.test(lower)) return 'no';
  return echo ? 'echo' : 'yes';
}

/**
 * The chunks that continue a dictation started in conversation position `k` (an index into
 * conv.turns): the same speaker's next turns holding digits, while the other party only
 * acknowledges or prompts for more (see letsDictationContinue). Stops at a question about another
 * subject, a turn without digits, or when `maxDigits` more digits were collected. `accept` may
 * refuse a chunk (e.g. one named as something else), which ends the dictation. Echo pieces are
 * returned with `echo: true` and do not count toward `maxDigits`.
 */
export function continuation(
  conv: ConversationView,
  k: number,
  maxDigits: number,
  accept: (turn: TurnView, run: DigitRun) => boolean = () => true,
  subject: Subject = 'skip',
): DictatedPiece[] {
  const turns = conv.turns;
  const start = turns[k] as TurnView;
  const speaker = start.speaker;
  const pieces: DictatedPiece[] = [];
  const firstRuns = digitRuns(start);
  let lastDigits = firstRuns[firstRuns.length - 1]?.digits ?? '';
  let total = 0;
  let prompts = 0;
  let repeatAsked = false;
  for (let j = k + 1; j < turns.length && total < maxDigits; j++) {
    const t = turns[j] as TurnView;
    if (t.speaker !== speaker) {
      const verdict = letsDictationContinue(t, subject, lastDigits);
      if (verdict === 'no' || ++prompts > MAX_PROMPTS) break;
      if (verdict === 'repeat') repeatAsked = true;
      if (verdict === 'echo') for (const r of digitRuns(t)) if (r.digits === lastDigits) pieces.push({ turn: t.index, run: r, echo: true });
      continue;
    }
    const afterRepeat = repeatAsked;
    repeatAsked = false;
    prompts = 0;
    const runs = digitRuns(t);
    if (runs.length === 0 || chatter(t, runs) > MAX_CHUNK_CHATTER || namesOtherTopic(t, subject)) break;
    let added = false;
    for (const r of runs) {
      // The same chunk said again after "sorry, could you repeat that?": part of the value, counted once.
      if (afterRepeat && !added && r.digits === lastDigits && r.digits.length > 1) {
        pieces.push({ turn: t.index, run: r, echo: true });
        added = true;
        continue;
      }
      if (total + r.digits.length > maxDigits || !accept(t, r)) break;
      pieces.push({ turn: t.index, run: r });
      total += r.digits.length;
      lastDigits = r.digits;
      added = true;
    }
    if (!added) break;
  }
  // Trailing echoes belong to the value only if it went on after them.
  while (pieces.length > 0 && pieces[pieces.length - 1]?.echo === true) pieces.pop();
  return pieces;
}
