import { cardBrandOf, cardLengthsOf, cardNumberProblem, codeLengthOf, expiryProblem, type CardBrand } from './card.js';

/**
 * Keypad capture as a pure state machine, field by field like the capture fields of telephony
 * payment APIs: card number → expiry (MMYY) → security code → postal code (when the brand asks).
 * `*` clears the field being keyed, `#` ends it, a field also ends by itself at its longest length
 * (a 16-digit Visa needs `#` or a pause, since Visa also issues 19 digits: `finishField` is what
 * the session calls when the customer stops keying, like the digit timeout of telephony APIs).
 * A field that fails validation is asked again until its attempts run out.
 *
 * Two halves leave every step: `progress`, which is masked (counts, brand, valid or not) and is
 * all an agent's screen or the database may see, and `collected`, the digits themselves, which the
 * caller keeps only in memory or sealed.
 */
export const FIELDS = ['card_number', 'expiry', 'security_code', 'postal_code'] as const;
export type Field = (typeof FIELDS)[number];
export type Key = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '*' | '#';
export const KEYS: readonly Key[] = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '#'];

export type FieldStatus = 'pending' | 'collecting' | 'valid' | 'invalid';

export interface FieldProgress {
  status: FieldStatus;
  /** Digits keyed so far in the current attempt (a count, never the digits). */
  digits: number;
  attempts: number;
  /** Why the last attempt was refused (a code such as `bad_checksum`), never the value. */
  problem: string | null;
}

export interface MaskedProgress {
  /** The field being keyed; null once every field is valid or the attempts ran out. */
  current: Field | null;
  fields: Partial<Record<Field, FieldProgress>>;
  cardBrand: CardBrand;
  /** Set when the card number is valid: what the agent may see. */
  lastFour: string | null;
  /** How many digits the field being keyed expects at most. */
  expectedDigits: number | null;
}

export interface Collected {
  card_number?: string;
  expiry?: string;
  security_code?: string;
  postal_code?: string;
}

export interface CaptureState {
  readonly progress: MaskedProgress;
  readonly collected: Collected;
  /** Digits of the field being keyed (in memory only). */
  readonly buffer: string;
}

export interface CaptureRules {
  fields: readonly Field[];
  maxAttempts: number;
  now: Date;
}

/** What a keypress did, for the audit trail and the agent's stream (no digit in it). */
export type KeyEffect = 'digit' | 'cleared' | 'field_valid' | 'field_invalid' | 'ready' | 'exhausted' | 'ignored';

export interface StepResult {
  state: CaptureState;
  effect: KeyEffect;
  /** Every field valid: the session can be charged. */
  ready: boolean;
  /** A field's attempts ran out: the session fails. */
  exhausted: boolean;
}

/** The fields a brand collects: postal code only when it asks for it. */
export function fieldsFor(collectPostalCode: boolean): Field[] {
  return collectPostalCode ? [...FIELDS] : FIELDS.filter((f) => f !== 'postal_code');
}

const POSTAL_LENGTHS = [5, 9]; // US ZIP and ZIP+4: the only postal codes a keypad can type

function expectedDigits(field: Field, collected: Collected, buffer: string): number {
  switch (field) {
    case 'card_number':
      return Math.max(...cardLengthsOf(buffer));
    case 'expiry':
      return 4;
    case 'security_code':
      return codeLengthOf(cardBrandOf(collected.card_number ?? ''));
    case 'postal_code':
      return 9;
  }
}

function problemOf(field: Field, value: string, collected: Collected, now: Date): string | null {
  switch (field) {
    case 'card_number':
      return cardNumberProblem(value);
    case 'expiry':
      return expiryProblem(value, now);
    case 'security_code':
      return value.length === codeLengthOf(cardBrandOf(collected.card_number ?? '')) ? null : 'bad_length';
    case 'postal_code':
      return POSTAL_LENGTHS.includes(value.length) ? null : 'bad_length';
  }
}

export function startCapture(rules: Pick<CaptureRules, 'fields'>): CaptureState {
  const fields: Partial<Record<Field, FieldProgress>> = {};
  for (const f of rules.fields) fields[f] = { status: 'pending', digits: 0, attempts: 0, problem: null };
  const first = rules.fields[0] ?? null;
  if (first) fields[first] = { ...fields[first]!, status: 'collecting' };
  return { progress: { current: first, fields, cardBrand: 'unknown', lastFour: null, expectedDigits: first ? expectedDigits(first, {}, '') : null }, collected: {}, buffer: '' };
}

function withField(state: CaptureState, field: Field, change: Partial<FieldProgress>, rest: Partial<MaskedProgress> = {}): MaskedProgress {
  return { ...state.progress, ...rest, fields: { ...state.progress.fields, [field]: { ...state.progress.fields[field]!, ...change } } };
}

/** Applies one key. Keys after the capture ended are ignored. */
export function pressKey(state: CaptureState, key: Key, rules: CaptureRules): StepResult {
  const field = state.progress.current;
  if (!field) return { state, effect: 'ignored', ready: false, exhausted: false };
  if (key === '*') {
    const next = { ...state, buffer: '', progress: withField(state, field, { digits: 0, status: 'collecting' }, { expectedDigits: expectedDigits(field, state.collected, '') }) };
    if (field === 'card_number') next.progress = { ...next.progress, cardBrand: 'unknown' };
    return { state: next, effect: 'cleared', ready: false, exhausted: false };
  }
  if (key === '#') return endField(state, field, rules);
  const buffer = state.buffer + key;
  const rest: Partial<MaskedProgress> = { expectedDigits: expectedDigits(field, state.collected, buffer) };
  if (field === 'card_number') rest.cardBrand = cardBrandOf(buffer);
  const typed: CaptureState = { ...state, buffer, progress: withField(state, field, { digits: buffer.length, status: 'collecting' }, rest) };
  if (buffer.length >= rest.expectedDigits!) return endField(typed, field, rules);
  return { state: typed, effect: 'digit', ready: false, exhausted: false };
}

function endField(state: CaptureState, field: Field, rules: CaptureRules): StepResult {
  const value = state.buffer;
  const problem = problemOf(field, value, state.collected, rules.now);
  const attempts = state.progress.fields[field]!.attempts + 1;
  if (problem) {
    const exhausted = attempts >= rules.maxAttempts;
    const progress = withField(state, field, { status: 'invalid', digits: 0, attempts, problem }, exhausted ? { current: null, expectedDigits: null } : {});
    if (field === 'card_number') progress.cardBrand = 'unknown';
    return { state: { ...state, buffer: '', progress }, effect: exhausted ? 'exhausted' : 'field_invalid', ready: false, exhausted };
  }
  const collected = { ...state.collected, [field]: value };
  const rest: Partial<MaskedProgress> = {};
  if (field === 'card_number') rest.lastFour = value.slice(-4);
  let progress = withField(state, field, { status: 'valid', digits: value.length, attempts, problem: null }, rest);
  const next = rules.fields.find((f) => progress.fields[f]!.status !== 'valid') ?? null;
  progress = { ...progress, current: next, expectedDigits: next ? expectedDigits(next, collected, '') : null };
  if (next) progress.fields = { ...progress.fields, [next]: { ...progress.fields[next]!, status: 'collecting', digits: 0 } };
  const ready = next === null;
  return { state: { progress, collected, buffer: '' }, effect: ready ? 'ready' : 'field_valid', ready, exhausted: false };
}

/** The customer stopped keying (the inter-digit timeout passed): the field ends as if `#` was pressed. */
export function finishField(state: CaptureState, rules: CaptureRules): StepResult {
  const field = state.progress.current;
  if (!field || state.buffer === '') return { state, effect: 'ignored', ready: false, exhausted: false };
  return endField(state, field, rules);
}

/**
 * The agent asks the customer to key a field again: its value is dropped and it becomes the
 * current field. A new card number also drops the security code (its length depends on the card).
 */
export function reenterField(state: CaptureState, field: Field, rules: Pick<CaptureRules, 'fields'>): CaptureState {
  if (!rules.fields.includes(field)) return state;
  const drop: Field[] = field === 'card_number' ? ['card_number', 'security_code'] : [field];
  const collected: Collected = { ...state.collected };
  const fields = { ...state.progress.fields };
  for (const f of drop) {
    delete collected[f];
    if (fields[f]) fields[f] = { ...fields[f]!, status: 'pending', digits: 0, problem: null };
  }
  const current = state.progress.current;
  if (current && fields[current]?.status === 'collecting') fields[current] = { ...fields[current]!, status: 'pending', digits: 0 };
  fields[field] = { ...fields[field]!, status: 'collecting', digits: 0 };
  const progress: MaskedProgress = {
    ...state.progress,
    fields,
    current: field,
    expectedDigits: expectedDigits(field, collected, ''),
    ...(field === 'card_number' && { cardBrand: 'unknown' as const, lastFour: null }),
  };
  return { progress, collected, buffer: '' };
}
