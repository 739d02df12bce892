import { createHash } from 'node:crypto';
import type { Principal } from '../access/index.js';
import { findAlert, upsertAlerts } from '../anomalies/index.js';
import type { Alert } from '../detection/index.js';
import type { VendorContext } from './context.js';
import { vendorErrors } from './errors.js';
import { certificationsExpiringBefore } from './records-data.js';
import { EXPIRING_DAYS, type CertificationKind, type Dashboard } from './types.js';
import { listVendors } from './vendors-data.js';

const DAY_MS = 86_400_000;
export const REVIEW_OVERDUE_RULE = 'vendor.review_overdue';
export const CERTIFICATION_EXPIRED_RULE = 'vendor.certification_expired';
const CERT_LABEL: Record<CertificationKind, string> = { pci_dss_aoc: 'PCI DSS AoC', iso_27001: 'ISO 27001', soc2_type2: 'SOC 2 Type II', other: 'Certification' };

/**
 * One alert per vendor per condition while it lasts: the id is derived from the condition (the
 * review due date, or the certification and its expiry), so the hourly check finds the alert it
 * already raised, and a new episode (reviewed, then overdue again; a renewed certificate that
 * expires) raises a new one.
 */
export const conditionAlertId = (rule: string, subjectId: string, since: string): string =>
  `al_${createHash('sha256').update(`${rule}\n${subjectId}\n${since}`).digest('hex').slice(0, 20)}`;

const daysBetween = (from: Date, to: Date) => Math.floor((to.getTime() - from.getTime()) / DAY_MS);

export interface ReviewCheck {
  dashboard(p: Principal): Promise<Dashboard>;
  /** Raises alerts for overdue vendors and expired certifications (periodic; safe on several nodes). Returns the ids raised now. */
  raiseAlerts(): Promise<string[]>;
}

export function createReviewCheck(ctx: VendorContext): ReviewCheck {
  const { db, now } = ctx;

  async function conditions(brands: string[] | null): Promise<{ dashboard: Dashboard; alerts: Alert[] }> {
    const t = now();
    const seen = (ids: readonly string[]) => brands === null || ids.some((b) => brands.includes(b));
    const vendors = (await listVendors(db, { brands, status: 'active' })).filter((v) => new Date(v.nextReviewAt) <= t);
    const certs = (await certificationsExpiringBefore(db, new Date(t.getTime() + (EXPIRING_DAYS + 1) * DAY_MS), t)).filter((c) => c.state !== 'valid' && seen(c.brandIds));
    const dashboard: Dashboard = {
      overdue: vendors.map((v) => ({ vendorId: v.id, name: v.name, nextReviewAt: v.nextReviewAt, daysOverdue: daysBetween(new Date(v.nextReviewAt), t), riskScore: v.riskScore })),
      certifications: certs.map((c) => ({
        vendorId: c.vendorId,
        vendorName: c.vendorName,
        certificationId: c.id,
        kind: c.kind,
        label: c.label,
        expiresOn: c.expiresOn,
        state: c.state as 'expired' | 'expiring',
        daysLeft: daysBetween(t, new Date(`${c.expiresOn}T00:00:00Z`)),
      })),
    };
    const raisedAt = t.toISOString();
    // Reasons carry dates, counts and record ids only: no vendor contact, no customer data.
    const overdueAlerts: Alert[] = vendors.map((v) => {
      const late = daysBetween(new Date(v.nextReviewAt), t);
      return {
        id: conditionAlertId(REVIEW_OVERDUE_RULE, v.id, v.nextReviewAt),
        raisedAt,
        actor: { kind: 'vendor', id: v.id },
        role: 'vendor',
        brandIds: v.brands.map((b) => b.brandId),
        severity: late > 90 ? 'high' : 'medium',
        score: 70,
        rules: [REVIEW_OVERDUE_RULE],
        reasons: [`vendor review was due ${v.nextReviewAt.slice(0, 10)} (${late} days overdue)`, `risk score ${v.riskScore ?? 'not assessed'}`],
        evidence: [],
        firstEventAt: v.nextReviewAt,
        lastEventAt: v.nextReviewAt,
      };
    });
    const certAlerts: Alert[] = certs
      .filter((c) => c.state === 'expired')
      .map((c) => {
        const since = new Date(`${c.expiresOn}T00:00:00Z`).toISOString();
        return {
          id: conditionAlertId(CERTIFICATION_EXPIRED_RULE, c.id, c.expiresOn),
          raisedAt,
          actor: { kind: 'vendor', id: c.vendorId },
          role: 'vendor',
          brandIds: c.brandIds,
          // A lapsed AoC means the service provider's PCI DSS compliance is no longer attested (12.8.4).
          severity: c.kind === 'pci_dss_aoc' ? 'high' : 'medium',
          score: 80,
          rules: [CERTIFICATION_EXPIRED_RULE],
          reasons: [`${CERT_LABEL[c.kind]} expired on ${c.expiresOn}`, `certification ${c.id}`],
          evidence: [],
          firstEventAt: since,
          lastEventAt: since,
        };
      });
    return { dashboard, alerts: [...overdueAlerts, ...certAlerts] };
  }

  return {
    async dashboard(p) {
      const brands = ctx.readableBrands(p);
      if (brands !== null && brands.length === 0) {
        await ctx.deny(p, 'vendor.dashboard', null);
        throw vendorErrors.forbidden('Reading vendors takes vendor.read (auditors, security administrators)');
      }
      return (await conditions(brands)).dashboard;
    },

    async raiseAlerts() {
      const { alerts } = await conditions(null);
      const fresh: Alert[] = [];
      // Existing alerts are left alone: the one raised for this condition keeps its status and dates.
      for (const a of alerts) if (!(await findAlert(db, a.id))) fresh.push(a);
      if (fresh.length === 0) return [];
      const inserted = await db.transaction((tx) => upsertAlerts(tx, fresh, now()));
      return [...inserted];
    },
  };
}
