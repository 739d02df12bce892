import type { QuestionnaireEvidence } from '../../questionnaires/index.js';
import type { RecertificationEvidence } from '../../recertification/index.js';
import type { RetentionEvidence } from '../../retention/index.js';
import type { SubjectRequestEvidence } from '../../subject-requests/index.js';
import type { TrainingEvidence } from '../../training/index.js';
import type { VendorEvidence } from '../../vendors/index.js';
import type { Evidence } from '../types.js';

/** The governance modules' own evidence objects, turned into report evidence with a status and gaps. */

export function recertificationItem(e: RecertificationEvidence, now: Date): Evidence {
  const gaps: string[] = [];
  if (!e.lastCompletedAt) gaps.push('no recertification campaign ever completed');
  else if (e.overdue) gaps.push(`no recertification in the last 6 months (last completed ${e.lastCompletedAt})`);
  if (e.lastCampaign && e.lastCampaign.keptUnanswered > 0) gaps.push(`${e.lastCampaign.keptUnanswered} unanswered item(s) kept in the last campaign`);
  const l = e.lastCampaign;
  return {
    key: 'recertification',
    title: 'Access recertification',
    source: 'recertification: campaigns and items',
    status: e.overdue ? (e.openCampaignId ? 'partial' : 'gap') : gaps.length > 0 ? 'partial' : 'met',
    readAt: now.toISOString(),
    summary: e.lastCompletedAt ? `last campaign completed ${e.lastCompletedAt}; next due ${e.nextDueAt}` : 'never recertified',
    figures: {
      lastCompletedCampaignId: e.lastCompletedCampaignId,
      lastCompletedAt: e.lastCompletedAt,
      nextDueAt: e.nextDueAt,
      overdue: e.overdue,
      openCampaignId: e.openCampaignId,
      items: l?.items ?? null,
      confirmed: l?.confirmed ?? null,
      removedByReviewer: l?.removedByReviewer ?? null,
      removedAtDeadline: l?.removedAtDeadline ?? null,
      keptUnanswered: l?.keptUnanswered ?? null,
    },
    gaps,
  };
}

export function trainingItem(e: TrainingEvidence, now: Date): Evidence {
  const missing = e.usersMissing.length;
  const gaps = missing > 0 ? [`${missing} of ${e.peopleAssigned} people without current training`] : [];
  for (const m of e.modules) if (m.expired > 0) gaps.push(`${m.moduleId}: ${m.expired} completion(s) expired`);
  return {
    key: 'training',
    title: 'Security training coverage',
    source: 'training: modules, completions, brand requirements',
    status: e.peopleAssigned === 0 ? 'not_applicable' : missing === 0 ? 'met' : e.coveragePercent >= 50 ? 'partial' : 'gap',
    readAt: now.toISOString(),
    summary: `${e.peopleCurrent} of ${e.peopleAssigned} people current (${e.coveragePercent}%), counting ${e.basis === 'required' ? 'the brand\'s required modules' : 'every module'}`,
    figures: { peopleAssigned: e.peopleAssigned, peopleCurrent: e.peopleCurrent, coveragePercent: e.coveragePercent, basis: e.basis, requiredModules: e.requiredModules, usersMissing: e.usersMissing },
    gaps,
  };
}

/** A purge run older than this means the schedule is not running. */
const RUN_STALE_HOURS = 48;

export function retentionItem(e: RetentionEvidence, now: Date): Evidence {
  const gaps: string[] = [];
  if (!e.lastRun) gaps.push('no retention purge has run for this brand');
  else {
    if (e.lastRun.status === 'failed') gaps.push(`the last purge run failed (${e.lastRun.errors} error(s))`);
    if (e.lastRun.errors > 0 && e.lastRun.status !== 'failed') gaps.push(`the last purge run had ${e.lastRun.errors} error(s)`);
    if (e.hoursSinceLastRun !== null && e.hoursSinceLastRun > RUN_STALE_HOURS) gaps.push(`the last purge run finished ${e.hoursSinceLastRun} hours ago`);
  }
  if (e.activeHolds > 0) gaps.push(`${e.activeHolds} legal hold(s) suspend purges`);
  const hard = !e.lastRun || e.lastRun.status === 'failed';
  return {
    key: 'retention',
    title: 'Retention purges',
    source: 'retention: policies, purge runs, legal holds',
    // A legal hold is lawful: it is shown, and alone it does not make the control partial.
    status: hard ? 'gap' : gaps.filter((g) => !g.includes('legal hold')).length > 0 ? 'partial' : 'met',
    readAt: now.toISOString(),
    summary: e.lastRun ? `last purge run ${e.lastRun.status} at ${e.lastRun.finishedAt ?? e.lastRun.startedAt}: ${e.lastRun.purged} purged, ${e.lastRun.skippedHold} kept under hold` : 'never purged',
    figures: {
      lastRunId: e.lastRun?.id ?? null,
      lastRunStatus: e.lastRun?.status ?? null,
      lastRunFinishedAt: e.lastRun?.finishedAt ?? null,
      purged: e.lastRun?.purged ?? null,
      skippedHold: e.lastRun?.skippedHold ?? null,
      hoursSinceLastRun: e.hoursSinceLastRun,
      activeHolds: e.activeHolds,
      ...Object.fromEntries(e.policies.map((p) => [`days.${p.dataClass}`, p.days === null ? 'kept' : `${p.days} (${p.source})`])),
    },
    gaps,
  };
}

export function subjectRequestItem(e: SubjectRequestEvidence, now: Date): Evidence {
  const gaps: string[] = [];
  if (e.overdue > 0) gaps.push(`${e.overdue} request(s) open past their deadline`);
  if (e.closedLate > 0) gaps.push(`${e.closedLate} request(s) closed late`);
  return {
    key: 'subject_requests',
    title: 'Data-subject requests on time',
    source: 'subject-requests: subject_requests',
    status: e.overdue > 0 ? 'gap' : e.closedLate > 0 ? 'partial' : 'met',
    readAt: now.toISOString(),
    summary: `${e.open} open (${e.overdue} overdue), ${e.closedOnTime} closed on time, ${e.closedLate} late, ${e.rejected} rejected`,
    figures: { ...e },
    gaps,
  };
}

export function vendorItem(e: VendorEvidence, now: Date): Evidence {
  const gaps: string[] = [];
  if (e.overdue > 0) gaps.push(`${e.overdue} of ${e.vendors} vendor review(s) overdue`);
  if (e.certifications.expired > 0) gaps.push(`${e.certifications.expired} vendor certification(s) expired`);
  if (e.vendorsWithoutValidCertification.length > 0) gaps.push(`${e.vendorsWithoutValidCertification.length} vendor(s) without a valid certification`);
  const status = e.vendors === 0 ? 'not_applicable' : e.overdue > 0 && e.overdue * 2 >= e.vendors ? 'gap' : gaps.length > 0 ? 'partial' : 'met';
  return {
    key: 'vendors',
    title: 'Vendors reviewed',
    source: 'vendors: vendors, vendor_brands, vendor_certifications',
    status,
    readAt: now.toISOString(),
    summary: e.vendors === 0 ? 'no vendor reaches this brand\'s data' : `${e.reviewedOnTime} of ${e.vendors} vendor(s) reviewed on time; certifications ${e.certifications.valid} valid, ${e.certifications.expiring} expiring, ${e.certifications.expired} expired`,
    figures: {
      vendors: e.vendors,
      revokedVendors: e.revokedVendors,
      reviewedOnTime: e.reviewedOnTime,
      overdue: e.overdue,
      overdueVendorIds: e.overdueVendorIds,
      neverReviewed: e.neverReviewed,
      lastReviewAt: e.lastReviewAt,
      certificationsValid: e.certifications.valid,
      certificationsExpiring: e.certifications.expiring,
      certificationsExpired: e.certifications.expired,
      expiredCertificationIds: e.expiredCertificationIds,
      vendorsWithoutValidCertification: e.vendorsWithoutValidCertification,
    },
    gaps,
  };
}

export function questionnaireItem(e: QuestionnaireEvidence, now: Date): Evidence {
  const gaps: string[] = [];
  const missing = e.vendorsWithoutCurrentAcceptance.length;
  if (missing > 0) gaps.push(`${missing} of ${e.vendors} vendor(s) without a questionnaire accepted within their review interval`);
  if (e.awaitingReview > 0) gaps.push(`${e.awaitingReview} answered questionnaire(s) waiting for a reviewer`);
  if (e.highFindingsAccepted > 0) gaps.push(`${e.highFindingsAccepted} high or critical finding(s) accepted as risk`);
  const status = e.vendors === 0 ? 'not_applicable' : e.acceptedCurrent === 0 ? 'gap' : gaps.length > 0 ? 'partial' : 'met';
  return {
    key: 'questionnaires',
    title: 'Vendor security questionnaires',
    source: 'questionnaires: questionnaires of the vendors that reach the brand',
    status,
    readAt: now.toISOString(),
    summary: e.vendors === 0 ? "no vendor reaches this brand's data" : `${e.acceptedCurrent} of ${e.vendors} vendor(s) assessed by an accepted questionnaire within their review interval`,
    figures: {
      vendors: e.vendors,
      acceptedCurrent: e.acceptedCurrent,
      vendorsWithoutCurrentAcceptance: e.vendorsWithoutCurrentAcceptance,
      awaitingReview: e.awaitingReview,
      highFindingsAccepted: e.highFindingsAccepted,
      lastAcceptedAt: e.lastAcceptedAt,
    },
    gaps,
  };
}
