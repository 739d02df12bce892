import { evaluate, type Answers } from './conditions.js';
import type { Definition, Severity } from './definition.js';
import { questionsOf } from './parse.js';
import { visibleQuestions } from './visibility.js';

export interface Finding {
  ruleId: string;
  questionId: string;
  severity: Severity;
  title: string;
  controls: string[];
  recommendation?: string;
}

/**
 * Each finding takes its weight's share of the risk still left: 1 − Π(1 − wᵢ), times 100. So the score
 * is 0 with no findings, never passes 100, and one critical finding weighs more than several low ones
 * (with these weights: one critical → 50, two → 75, one high → 25, one low → 3).
 */
export const DEFAULT_WEIGHTS: Readonly<Record<Severity, number>> = { low: 0.03, medium: 0.1, high: 0.25, critical: 0.5 };

const RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3 };

/**
 * The findings these answers produce: rules of visible questions whose `when` holds (on the answers
 * of visible questions only), most severe first.
 * @example findingsOf(def, { pci_compliant: false }, now)[0]?.severity // 'critical'
 */
export function findingsOf(def: Definition, answers: Answers, now: Date): Finding[] {
  const visible = visibleQuestions(def, answers, now);
  const effective = Object.fromEntries(Object.entries(answers).filter(([id]) => visible.has(id)));
  const out: Finding[] = [];
  for (const q of questionsOf(def)) {
    if (!visible.has(q.id)) continue;
    for (const r of q.findings) {
      if (!evaluate(r.when, effective, now)) continue;
      out.push({ ruleId: r.id, questionId: q.id, severity: r.severity, title: r.title, controls: [...r.controls], ...(r.recommendation && { recommendation: r.recommendation }) });
    }
  }
  return out.sort((a, b) => RANK[a.severity] - RANK[b.severity]);
}

/**
 * The risk score (0–100, higher is riskier) of a set of findings.
 * @example riskScore(def, [{ severity: 'critical', … }]) // 50
 */
export function riskScore(def: Definition, findings: readonly Pick<Finding, 'severity'>[]): number {
  const w = def.scoring?.weights ?? DEFAULT_WEIGHTS;
  const left = findings.reduce((rest, f) => rest * (1 - w[f.severity]), 1);
  return Math.round(100 * (1 - left));
}

/** A word for the score, as the console shows it. */
export function riskLevel(score: number): Severity {
  if (score >= 70) return 'critical';
  if (score >= 40) return 'high';
  if (score >= 15) return 'medium';
  return 'low';
}
