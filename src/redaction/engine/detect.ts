import { buildConversationView } from '../analysis/conversation.js';
import { CONTEXT_WINDOW, previousOtherTurn } from '../analysis/context.js';
import { ALL_DETECTORS } from '../detectors/index.js';
import type { Candidate, ConversationView, Detector, EntityType, Finding, Policy, Turn } from '../types.js';
import { falseStarts } from './false-starts.js';
import { resolveOverlaps } from './overlap.js';
import { runDetectors } from './run-detectors.js';

/** Added to a candidate's score when its detector's context words are present (Presidio uses 0.35). */
export const CONTEXT_BOOST = 0.35;
/** Minimum score when no policy is given; low on purpose (fail closed). Matches policy.ts's default. */
export const FALLBACK_MIN_SCORE = 0.3;

export interface DetectOptions {
  policy?: Policy;
  /** Detectors to run; default: every registered detector whose types the policy redacts. */
  detectors?: readonly Detector[];
}

/**
 * Finds sensitive entities in a conversation: runs the detectors, adds context boosts (same turn,
 * or the other party's previous turn), drops findings under the policy's minimum score or of types
 * the policy does not redact, and settles overlaps (see overlap.ts). Each finding explains itself
 * (detector, pattern, scores, notes) without carrying the value.
 */
export function detectConversation(turns: readonly Turn[], options: DetectOptions = {}): Finding[] {
  const conv = buildConversationView(turns);
  return detectInView(conv, options);
}

/** A single text: a conversation of one turn with no speaker (findings have turn 0). */
export function detectText(text: string, options: DetectOptions = {}): Finding[] {
  return detectConversation([{ text }], options);
}

export function detectInView(conv: ConversationView, options: DetectOptions = {}): Finding[] {
  const { policy } = options;
  const redacts = (t: EntityType): boolean => policy?.types[t]?.redact ?? true;
  const detectors = (options.detectors ?? ALL_DETECTORS).filter((d) => d.types.some(redacts));
  const { candidates, failures } = runDetectors(conv, detectors);

  const findings: Finding[] = [];
  for (const { detector, candidate } of candidates) {
    if (!redacts(candidate.type)) continue;
    const finding = toFinding(conv, detector, candidate);
    if (finding === undefined) continue;
    if (finding.score < (policy?.types[finding.type]?.minScore ?? FALLBACK_MIN_SCORE)) continue;
    findings.push(finding);
  }
  for (const failure of failures) {
    const type = failure.detector.types.find(redacts) ?? (failure.detector.types[0] as EntityType);
    for (const turn of failure.turns) {
      const text = conv.turns.find((t) => t.index === turn)?.text ?? '';
      if (text.length === 0) continue;
      findings.push({
        type,
        start: 0,
        end: text.length,
        turn,
        score: 1,
        explanation: { detector: failure.detector.name, pattern: 'detector-failed', baseScore: 1, contextBoost: 0, finalScore: 1, notes: ['detector-failed'] },
      });
    }
  }
  findings.push(...falseStarts(conv, findings));
  return resolveOverlaps(findings, conv.turns.map((t) => t.text));
}

function toFinding(conv: ConversationView, detector: Detector, c: Candidate): Finding | undefined {
  const byIndex = conv.turns[c.turn];
  const turn = byIndex !== undefined && byIndex.index === c.turn ? byIndex : conv.turns.find((t) => t.index === c.turn);
  if (turn === undefined || c.start < 0 || c.end > turn.text.length || c.end <= c.start) return undefined;
  let boost = c.contextBoost ?? 0;
  const words = detector.context?.[c.type];
  if (words !== undefined && boost === 0) {
    const before = turn.lower.slice(Math.max(0, c.start - CONTEXT_WINDOW), c.start);
    if (words.test(before) || words.test(previousOtherTurn(conv, turn.index)?.lower ?? '')) boost = CONTEXT_BOOST;
  }
  const score = Math.min(1, Math.max(0, c.baseScore + boost));
  const finding: Finding = {
    type: c.type,
    start: c.start,
    end: c.end,
    turn: c.turn,
    score: Math.round(score * 100) / 100,
    explanation: {
      detector: detector.name,
      pattern: c.pattern,
      baseScore: c.baseScore,
      ...(c.validated === undefined ? {} : { validated: c.validated }),
      contextBoost: boost,
      finalScore: Math.round(score * 100) / 100,
      notes: c.notes ?? [],
    },
  };
  if (c.entityId !== undefined) finding.entityId = c.entityId;
  return finding;
}
