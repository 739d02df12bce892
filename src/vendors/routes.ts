import { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { principalOf } from '../http/auth.js';
import { drainUpload } from '../http/drain-upload.js';
import { Empty, NoBody } from '../http/schemas.js';
import type { AppServices } from '../http/services.js';
import type { ZodApp } from '../http/types.js';
import { vendorErrors } from './errors.js';
import type { EvidenceUpload } from './evidence.js';
import { CERTIFICATION_KINDS, VENDOR_KINDS, VENDOR_STATUSES } from './types.js';

const tags = ['vendors'];
const Params = z.strictObject({ vendorId: z.uuid() });
const Text = (max: number) => z.string().trim().max(max);
const Instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const BrandIn = z.strictObject({ brandId: z.uuid(), dataAccess: Text(1000).default('') });
const ContactIn = z.strictObject({
  name: Text(200).min(1),
  email: z.email().max(254),
  phone: z
    .string()
    .trim()
    .regex(/^(\+?[0-9 ().-]{3,40})?$/, 'expected a phone number (digits, spaces, + ( ) . -)')
    .default(''),
  role: Text(100).default(''),
});
const BrandOut = z.object({ brandId: z.string(), dataAccess: z.string() });
const SummaryShape = {
  id: z.string(),
  name: z.string(),
  kind: z.enum(VENDOR_KINDS),
  services: z.string(),
  status: z.enum(VENDOR_STATUSES),
  riskScore: z.number().nullable(),
  reviewIntervalDays: z.number(),
  lastReviewedAt: z.string().nullable(),
  nextReviewAt: z.string(),
  overdue: z.boolean(),
  revokedAt: z.string().nullable(),
  revokedBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  brands: z.array(BrandOut),
  apiKeyCount: z.number(),
  userCount: z.number(),
};
const CertificationOut = z.object({
  id: z.string(),
  kind: z.enum(CERTIFICATION_KINDS),
  label: z.string(),
  certificateId: z.string(),
  issuedOn: z.string(),
  expiresOn: z.string(),
  state: z.enum(['valid', 'expiring', 'expired']),
});
const EvidenceOut = z.object({
  id: z.string(),
  certificationId: z.string().nullable(),
  fileName: z.string(),
  contentType: z.string(),
  bytes: z.number(),
  sha256: z.string(),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
});
export const VendorSummaryOut = z.object(SummaryShape);
export const VendorOut = z.object({
  ...SummaryShape,
  contacts: z.array(z.object({ name: z.string(), email: z.string(), phone: z.string(), role: z.string() })),
  apiKeys: z.array(z.object({ id: z.string(), brandId: z.string(), name: z.string(), prefix: z.string(), expiresAt: z.string(), revokedAt: z.string().nullable() })),
  users: z.array(z.object({ id: z.string(), brandIds: z.array(z.string()), suspended: z.boolean() })),
  certifications: z.array(CertificationOut),
  evidence: z.array(EvidenceOut),
});
const DashboardOut = z.object({
  overdue: z.array(z.object({ vendorId: z.string(), name: z.string(), nextReviewAt: z.string(), daysOverdue: z.number(), riskScore: z.number().nullable() })),
  certifications: z.array(
    z.object({
      vendorId: z.string(),
      vendorName: z.string(),
      certificationId: z.string(),
      kind: z.enum(CERTIFICATION_KINDS),
      label: z.string(),
      expiresOn: z.string(),
      state: z.enum(['expired', 'expiring']),
      daysLeft: z.number(),
    }),
  ),
});
const Bytes = z.any().describe('binary body');

/** The parts of an evidence upload: an optional `certificationId` field, then one file part `file` (streamed, never buffered whole). */
async function withEvidenceUpload<T>(req: FastifyRequest, consume: (file: EvidenceUpload) => Promise<T>): Promise<T> {
  if (!req.isMultipart()) throw vendorErrors.bad_upload();
  let certificationId: string | undefined;
  for await (const part of req.parts()) {
    if (part.type === 'file' && part.fieldname === 'file') {
      try {
        return await consume({ ...(certificationId && { certificationId }), fileName: part.filename, contentType: part.mimetype, content: part.file });
      } finally {
        await drainUpload(part.file);
      }
    }
    if (part.type === 'field' && part.fieldname === 'certificationId' && typeof part.value === 'string') certificationId = part.value.trim() || undefined;
    else throw vendorErrors.bad_upload();
  }
  throw vendorErrors.bad_upload();
}

/** Vendor registry: vendors, their brands, contacts, links, certifications, evidence, reviews, revocation and the dashboard. */
export function vendorRoutes(app: ZodApp, { vendors }: AppServices): void {
  app.get(
    '/vendors',
    {
      config: { auth: 'principal' },
      schema: { tags, querystring: z.strictObject({ status: z.enum(VENDOR_STATUSES).optional(), kind: z.enum(VENDOR_KINDS).optional() }), response: { 200: z.object({ items: z.array(VendorSummaryOut) }) } },
    },
    async (req) => ({ items: await vendors.list(principalOf(req), req.query) }),
  );
  app.post(
    '/vendors',
    {
      config: { auth: 'session' },
      schema: {
        tags,
        body: z.strictObject({
          name: Text(200).min(1),
          kind: z.enum(VENDOR_KINDS),
          services: Text(2000).optional(),
          reviewIntervalDays: z.number().int().min(1).max(3650).optional(),
          lastReviewedAt: Instant.optional(),
          brands: z.array(BrandIn).max(200).optional(),
          contacts: z.array(ContactIn).max(50).optional(),
        }),
        response: { 201: VendorOut },
      },
    },
    async (req, reply) => reply.code(201).send(await vendors.create(principalOf(req), req.body)),
  );
  app.get(
    '/vendors/dashboard',
    { config: { auth: 'principal' }, schema: { tags, description: 'Overdue vendors and certifications expired or expiring within 30 days', response: { 200: DashboardOut } } },
    async (req) => vendors.dashboard(principalOf(req)),
  );
  app.get('/vendors/:vendorId', { config: { auth: 'principal' }, schema: { tags, params: Params, response: { 200: VendorOut } } }, async (req) => vendors.get(principalOf(req), req.params.vendorId));
  app.patch(
    '/vendors/:vendorId',
    {
      config: { auth: 'session' },
      schema: {
        tags,
        params: Params,
        body: z
          .strictObject({ name: Text(200).min(1).optional(), kind: z.enum(VENDOR_KINDS).optional(), services: Text(2000).optional(), reviewIntervalDays: z.number().int().min(1).max(3650).optional() })
          .refine((b) => Object.keys(b).length > 0, 'expected at least one of name, kind, services, reviewIntervalDays'),
        response: { 200: VendorOut },
      },
    },
    async (req) => vendors.update(principalOf(req), req.params.vendorId, req.body),
  );
  app.put(
    '/vendors/:vendorId/brands',
    { config: { auth: 'session' }, schema: { tags, description: 'The brands whose data the vendor touches (replaces the list)', params: Params, body: z.strictObject({ brands: z.array(BrandIn).max(200) }), response: { 200: VendorOut } } },
    async (req) => vendors.setBrands(principalOf(req), req.params.vendorId, req.body.brands),
  );
  app.put(
    '/vendors/:vendorId/contacts',
    { config: { auth: 'session' }, schema: { tags, description: 'People at the vendor (replaces the list; stored sealed)', params: Params, body: z.strictObject({ contacts: z.array(ContactIn).max(50) }), response: { 200: VendorOut } } },
    async (req) => vendors.setContacts(principalOf(req), req.params.vendorId, req.body.contacts),
  );
  app.post(
    '/vendors/:vendorId/api-keys',
    { config: { auth: 'session' }, schema: { tags, params: Params, body: z.strictObject({ apiKeyId: z.uuid() }), response: { 200: VendorOut } } },
    async (req) => vendors.linkApiKey(principalOf(req), req.params.vendorId, req.body.apiKeyId),
  );
  app.delete(
    '/vendors/:vendorId/api-keys/:apiKeyId',
    { config: { auth: 'session' }, schema: { tags, params: z.strictObject({ vendorId: z.uuid(), apiKeyId: z.uuid() }), body: NoBody, response: { 204: Empty } } },
    async (req, reply) => {
      await vendors.unlinkApiKey(principalOf(req), req.params.vendorId, req.params.apiKeyId);
      return reply.code(204).send();
    },
  );
  app.post(
    '/vendors/:vendorId/users',
    { config: { auth: 'session' }, schema: { tags, params: Params, body: z.strictObject({ userId: z.uuid() }), response: { 200: VendorOut } } },
    async (req) => vendors.linkUser(principalOf(req), req.params.vendorId, req.body.userId),
  );
  app.delete(
    '/vendors/:vendorId/users/:userId',
    { config: { auth: 'session' }, schema: { tags, params: z.strictObject({ vendorId: z.uuid(), userId: z.uuid() }), body: NoBody, response: { 204: Empty } } },
    async (req, reply) => {
      await vendors.unlinkUser(principalOf(req), req.params.vendorId, req.params.userId);
      return reply.code(204).send();
    },
  );
  app.post(
    '/vendors/:vendorId/certifications',
    {
      config: { auth: 'session' },
      schema: {
        tags,
        params: Params,
        body: z.strictObject({ kind: z.enum(CERTIFICATION_KINDS), label: Text(200).optional(), certificateId: Text(200).optional(), issuedOn: z.iso.date(), expiresOn: z.iso.date() }),
        response: { 201: VendorOut },
      },
    },
    async (req, reply) => reply.code(201).send(await vendors.addCertification(principalOf(req), req.params.vendorId, req.body)),
  );
  app.delete(
    '/vendors/:vendorId/certifications/:certificationId',
    { config: { auth: 'session' }, schema: { tags, params: z.strictObject({ vendorId: z.uuid(), certificationId: z.uuid() }), body: NoBody, response: { 204: Empty } } },
    async (req, reply) => {
      await vendors.removeCertification(principalOf(req), req.params.vendorId, req.params.certificationId);
      return reply.code(204).send();
    },
  );
  app.post(
    '/vendors/:vendorId/reviews',
    {
      config: { auth: 'session' },
      schema: { tags, description: 'Records a review done outside the questionnaire: risk 0–100 sets the next due date', params: Params, body: z.strictObject({ riskScore: z.number().int().min(0).max(100) }), response: { 200: VendorOut } },
    },
    async (req) => vendors.recordReview(principalOf(req), req.params.vendorId, req.body.riskScore),
  );
  app.post(
    '/vendors/:vendorId/evidence',
    {
      config: { auth: 'session' },
      schema: { tags, description: 'multipart/form-data: certificationId? (field), then file (PDF, PNG, JPEG, text, CSV, JSON or ZIP; at most 25 MB). Stored sealed.', params: Params, body: NoBody, response: { 201: EvidenceOut } },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      return reply.code(201).send(await withEvidenceUpload(req, (file) => vendors.upload(principal, req.params.vendorId, file)));
    },
  );
  app.get(
    '/vendors/:vendorId/evidence/:evidenceId',
    { config: { auth: 'principal' }, schema: { tags, description: 'The evidence file (download, audited)', params: z.strictObject({ vendorId: z.uuid(), evidenceId: z.uuid() }), response: { 200: Bytes } } },
    async (req, reply) => {
      const { evidence, body } = await vendors.download(principalOf(req), req.params.vendorId, req.params.evidenceId);
      void reply
        .type(evidence.contentType)
        .header('content-length', String(evidence.bytes))
        .header('content-disposition', `attachment; filename="${evidence.fileName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(evidence.fileName)}`)
        .header('x-content-sha256', evidence.sha256);
      return reply.send(Readable.from(body));
    },
  );
  // Registered last: the authorization matrix runs routes in this order, and a revoked vendor's access can no longer change.
  app.post(
    '/vendors/:vendorId/revoke',
    {
      config: { auth: 'session' },
      schema: {
        tags,
        description: 'Revokes every linked API key, suspends every linked user (sessions ended) and marks the vendor revoked, in one audited transaction',
        params: Params,
        body: z.strictObject({ confirm: z.literal(true) }),
        response: { 200: z.object({ vendorId: z.string(), apiKeysRevoked: z.number(), usersSuspended: z.number(), sessionsEnded: z.number() }) },
      },
    },
    async (req) => vendors.revoke(principalOf(req), req.params.vendorId),
  );
}
