import { CONTROLS } from './controls.js';
import { worst } from './evidence/evidence.js';
import { FRAMEWORK_TITLE, FRAMEWORKS, type ComplianceReport, type ControlResult, type ControlStatus, type Evidence, type EvidenceKey } from './types.js';

/**
 * Each control's status from its evidence: the worst of them. Evidence that is not available is a
 * gap — an auditor cannot accept a control nobody can show.
 */
export function assessControls(evidence: ReadonlyMap<EvidenceKey, Evidence>): ControlResult[] {
  return CONTROLS.map((c) => {
    const items = c.evidence.map((k) => evidence.get(k));
    const statuses = items.map((e) => e?.status ?? 'not_available');
    const s = worst(statuses);
    const status: ControlStatus = s === 'not_available' ? 'gap' : s;
    const gaps = items.flatMap((e, i) => (e ? e.gaps : [`evidence not available: ${c.evidence[i]}`]));
    return { ...c, status, gaps: [...new Set(gaps)] };
  });
}

export function summarize(controls: readonly ControlResult[]): ComplianceReport['summary'] {
  return FRAMEWORKS.map((framework) => {
    const of = controls.filter((c) => c.framework === framework);
    const n = (s: ControlStatus) => of.filter((c) => c.status === s).length;
    return { framework, title: FRAMEWORK_TITLE[framework], met: n('met'), partial: n('partial'), gap: n('gap'), notApplicable: n('not_applicable') };
  });
}
