import { ENTITY_TYPES, type Finding, type Policy } from '../types.js';
import { operatorFor } from './registry.js';
import { PIECE_SEPARATOR, type OperatorContext } from './types.js';

/** One change made to a turn: original offsets, the entity type and what replaced the value. */
export interface AppliedEdit {
  turn: number;
  start: number;
  end: number;
  type: Finding['type'];
  replacement: string;
  entityId?: string;
}

export interface TurnsRedaction {
  texts: string[];
  /** Sorted by turn, then start; never overlapping. */
  edits: AppliedEdit[];
}

/** Keeps the findings the policy redacts: type switched on and score at or above its minimum. */
export function selectFindings(findings: readonly Finding[], policy: Policy): Finding[] {
  return findings.filter((f) => {
    const p = policy.types[f.type];
    return p.redact && f.score >= p.minScore;
  });
}

const typeRank = (f: Finding): number => ENTITY_TYPES.indexOf(f.type);

/** true when `a` should name a merged span rather than `b`. */
function outranks(a: Finding, b: Finding): boolean {
  if (a.score !== b.score) return a.score > b.score;
  if (a.end - a.start !== b.end - b.start) return a.end - a.start > b.end - b.start;
  return typeRank(a) < typeRank(b);
}

/**
 * The one overlap rule: findings of one turn that overlap become a single span covering their
 * union (nothing partly covered stays visible), redacted as the type of the highest-scoring finding
 * (ties: the longer span, then the type listed first in ENTITY_TYPES). Touching spans stay apart.
 */
export function settleOverlaps(findings: readonly Finding[]): Finding[] {
  const sorted = [...findings].sort((a, b) => a.turn - b.turn || a.start - b.start || b.end - a.end);
  const out: Finding[] = [];
  for (const f of sorted) {
    const last = out[out.length - 1];
    if (last && last.turn === f.turn && f.start < last.end) {
      const winner = outranks(f, last) ? f : last;
      const entityId = winner.entityId ?? last.entityId ?? f.entityId;
      out[out.length - 1] = { ...winner, start: last.start, end: Math.max(last.end, f.end), ...(entityId ? { entityId } : {}) };
    } else {
      out.push(f);
    }
  }
  return out;
}

/** Checks that every operator the policy uses can run with this context (key, callback). */
export function checkOperators(policy: Policy, ctx: OperatorContext): void {
  for (const type of ENTITY_TYPES) {
    const p = policy.types[type];
    if (p.redact) operatorFor(p.operator).check?.(p.operator as never, ctx);
  }
}

function groupEntities(findings: readonly Finding[]): Finding[][] {
  const groups: Finding[][] = [];
  const byId = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.entityId === undefined) {
      groups.push([f]);
      continue;
    }
    let group = byId.get(f.entityId);
    if (!group) byId.set(f.entityId, (group = []));
    if (group.length === 0) groups.push(group);
    group.push(f);
  }
  return groups;
}

/**
 * The edits for one entity. Synchronous when the operator is (replace, mask, hash, remove): an
 * await per entity costs a microtask on the hot path; only tokenize returns a promise.
 */
function redactEntity(texts: readonly string[], pieces: Finding[], policy: Policy, ctx: OperatorContext): AppliedEdit[] | Promise<AppliedEdit[]> {
  const head = pieces[0]!;
  const config = policy.types[head.type].operator;
  const op = operatorFor(config);
  const target = { type: head.type, turn: head.turn, ...(head.entityId ? { entityId: head.entityId } : {}) };
  const values = pieces.map((p) => (texts[p.turn] ?? '').slice(p.start, p.end));
  const output = op.apply(op.preservesCharacters ? values.join(PIECE_SEPARATOR) : values.join(' '), config as never, target, ctx);
  const finish = (result: string): AppliedEdit[] => {
    let outputs: string[];
    if (op.preservesCharacters) {
      outputs = result.split(PIECE_SEPARATOR);
    } else {
      const rest = op.continuation ? op.continuation(result, config as never, target) : result;
      outputs = values.map((_, i) => (i === 0 ? result : rest));
    }
    return editsFor(pieces, head, outputs);
  };
  return typeof output === 'string' ? finish(output) : output.then(finish);
}

function editsFor(pieces: readonly Finding[], head: Finding, outputs: readonly string[]): AppliedEdit[] {
  return pieces.map((p, i) => ({
    turn: p.turn,
    start: p.start,
    end: p.end,
    type: head.type,
    replacement: outputs[i] ?? '',
    ...(p.entityId ? { entityId: p.entityId } : {}),
  }));
}

/**
 * Redacts the turns of a conversation: filters findings by the policy, settles overlaps, runs each
 * entity's operator (a split card is masked/tokenized as one value) and rewrites every turn from
 * the end so earlier offsets stay valid.
 */
export async function applyOperatorsToTurns(
  texts: readonly string[],
  findings: readonly Finding[],
  policy: Policy,
  ctx: OperatorContext = {},
): Promise<TurnsRedaction> {
  const valid = findings.filter((f) => f.start >= 0 && f.start < f.end && f.end <= (texts[f.turn]?.length ?? -1));
  if (valid.length !== findings.length) throw new RangeError('a finding lies outside its turn');
  const settled = settleOverlaps(selectFindings(valid, policy));
  const edits: AppliedEdit[] = [];
  for (const group of groupEntities(settled)) {
    const groupEdits = redactEntity(texts, group, policy, ctx);
    edits.push(...(Array.isArray(groupEdits) ? groupEdits : await groupEdits));
  }
  edits.sort((a, b) => a.turn - b.turn || a.start - b.start);
  const out = [...texts];
  for (let i = edits.length - 1; i >= 0; i--) {
    const e = edits[i]!;
    const t = out[e.turn]!;
    out[e.turn] = t.slice(0, e.start) + e.replacement + t.slice(e.end);
  }
  return { texts: out, edits };
}

/**
 * Redacts one text (every finding is taken to belong to it).
 * @example await applyOperators('card 4111111111111111', findings, defaultPolicy()) // { text: 'card [CREDIT_CARD]', edits }
 */
export async function applyOperators(
  text: string,
  findings: readonly Finding[],
  policy: Policy,
  ctx: OperatorContext = {},
): Promise<{ text: string; edits: AppliedEdit[] }> {
  const r = await applyOperatorsToTurns([text], findings.map((f) => ({ ...f, turn: 0 })), policy, ctx);
  return { text: r.texts[0]!, edits: r.edits };
}
