import { isUuid, type Principal } from '../access/index.js';
import { authorize, eventContext, type ChainedAuditLog } from '../audit/index.js';
import type { Db } from '../db/types.js';
import { recertificationEvidence } from '../recertification/index.js';
import { retentionEvidence } from '../retention/index.js';
import { subjectRequestEvidence } from '../subject-requests/index.js';
import { trainingEvidence } from '../training/index.js';
import { vendorEvidence } from '../vendors/index.js';
import { questionnaireEvidence } from '../questionnaires/index.js';
import { assessControls, summarize } from './assess.js';
import { complianceErrors } from './errors.js';
import { auditChainEvidence, auditRetentionEvidence } from './evidence/audit.js';
import { cardDataEvidence } from './evidence/card-data.js';
import { questionnaireItem, recertificationItem, retentionItem, subjectRequestItem, trainingItem, vendorItem } from './evidence/governance.js';
import { incidentEvidence } from './evidence/incidents.js';
import { keyEvidence } from './evidence/keys.js';
import { mfaEvidence } from './evidence/mfa.js';
import { redactionEvidence } from './evidence/redaction.js';
import type { ComplianceReport, Evidence, EvidenceKey } from './types.js';

export interface ComplianceDeps {
  db: Db;
  audit: ChainedAuditLog;
  now?: () => Date;
}

export interface ComplianceService {
  /** The brand's controls with live evidence; needs compliance.read on the brand, and is audited. */
  report(principal: Principal, brandId: string): Promise<ComplianceReport>;
}

const actorRef = (p: Principal) => `${p.actor.kind}:${p.actor.id}`;

export function createComplianceService(deps: ComplianceDeps): ComplianceService {
  const { db, audit } = deps;
  const now = deps.now ?? (() => new Date());

  /** Every piece of evidence, read now. The audit chain is verified before the report's own event is appended. */
  async function gather(brandId: string): Promise<Evidence[]> {
    const t = now();
    const retention = await retentionEvidence(db, brandId, t);
    return [
      await cardDataEvidence(db, brandId, t),
      await redactionEvidence(db, brandId, t),
      await keyEvidence(db, brandId, t),
      await mfaEvidence(db, brandId, t),
      await auditChainEvidence(db, audit, brandId, now),
      await auditRetentionEvidence(db, brandId, retention, t),
      await incidentEvidence(db, brandId, t),
      recertificationItem(await recertificationEvidence(db, brandId, t), t),
      trainingItem(await trainingEvidence(db, brandId, t), t),
      vendorItem(await vendorEvidence(db, brandId, t), t),
      questionnaireItem(await questionnaireEvidence(db, brandId, t), t),
      retentionItem(retention, t),
      subjectRequestItem(await subjectRequestEvidence(db, brandId, t), t),
    ];
  }

  return {
    async report(principal, brandId) {
      await authorize({ db, audit }, principal, 'compliance.read', isUuid(brandId) ? brandId : null, { action: 'compliance.report' });
      const { rows } = isUuid(brandId) ? await db.query<{ id: string; name: string }>('SELECT id, name FROM brands WHERE id = $1', [brandId]) : { rows: [] };
      const brand = rows[0];
      if (!brand) throw complianceErrors.brand_not_found();
      const evidence = await gather(brand.id);
      const controls = assessControls(new Map<EvidenceKey, Evidence>(evidence.map((e) => [e.key, e])));
      const report: ComplianceReport = { brand, generatedAt: now().toISOString(), generatedBy: actorRef(principal), summary: summarize(controls), controls, evidence };
      const count = (s: string) => controls.filter((c) => c.status === s).length;
      // Reading the evidence is itself on the record (who looked, when, and what it said).
      await db.transaction((tx) =>
        audit.append(tx, {
          ...eventContext(principal),
          action: 'compliance.report',
          brandId: brand.id,
          outcome: 'success',
          target: { type: 'brand', id: brand.id },
          details: { controls: controls.length, met: count('met'), partial: count('partial'), gap: count('gap'), auditChainOk: evidence.find((e) => e.key === 'audit_chain')?.status === 'met' },
        }),
      );
      return report;
    },
  };
}
