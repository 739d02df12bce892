import { z } from 'zod';
import { principalOf } from '../http/auth.js';
import type { AppServices } from '../http/services.js';
import type { ZodApp } from '../http/types.js';
import { complianceHtml } from './html.js';
import { EVIDENCE_KEYS, FRAMEWORKS, STATUSES } from './types.js';

const tags = ['compliance'];
const Figure = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);
const EvidenceOut = z.object({
  key: z.enum(EVIDENCE_KEYS),
  title: z.string(),
  source: z.string(),
  status: z.enum([...STATUSES, 'not_available']),
  readAt: z.string(),
  summary: z.string(),
  figures: z.record(z.string(), Figure),
  gaps: z.array(z.string()),
});
export const ComplianceReportOut = z.object({
  brand: z.object({ id: z.string(), name: z.string() }),
  generatedAt: z.string(),
  generatedBy: z.string(),
  summary: z.array(z.object({ framework: z.enum(FRAMEWORKS), title: z.string(), met: z.number(), partial: z.number(), gap: z.number(), notApplicable: z.number() })),
  controls: z.array(
    z.object({
      id: z.string(),
      framework: z.enum(FRAMEWORKS),
      title: z.string(),
      how: z.string(),
      evidence: z.array(z.enum(EVIDENCE_KEYS)).readonly(),
      status: z.enum(STATUSES),
      gaps: z.array(z.string()),
    }),
  ),
  evidence: z.array(EvidenceOut),
});

/** The compliance report of a brand: JSON, or a printable HTML document with ?format=html. */
export function complianceRoutes(app: ZodApp, { compliance }: AppServices): void {
  app.get(
    '/brands/:brandId/compliance-report',
    {
      config: { auth: 'session' },
      schema: {
        tags,
        description: 'PCI DSS, ISO 27001 Annex A and GDPR controls with live evidence; JSON, or printable HTML with ?format=html',
        params: z.strictObject({ brandId: z.uuid() }),
        querystring: z.strictObject({ format: z.enum(['json', 'html']).optional() }),
        response: { 200: z.union([ComplianceReportOut, z.string()]) },
      },
    },
    async (req, reply) => {
      const report = await compliance.report(principalOf(req), req.params.brandId);
      if (req.query.format === 'html') {
        // A document of its own: no scripts, inline style only (prints to PDF from any browser).
        return reply.type('text/html; charset=utf-8').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'").send(complianceHtml(report));
      }
      return reply.send(report);
    },
  );
}
