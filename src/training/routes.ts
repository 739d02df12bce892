import { z } from 'zod';
import { ROLES } from '../access/index.js';
import { principalOf } from '../http/auth.js';
import type { AppServices } from '../http/services.js';
import type { ZodApp } from '../http/types.js';
import { TRAINING_STATUSES } from './status.js';

const tags = ['training'];
const ModuleId = z.string().regex(/^[a-z][a-z0-9_]{1,62}$/, 'lower-case letters, digits and _ (2 to 63)');
const ModuleOut = z.object({ id: z.string(), title: z.string(), validityMonths: z.number(), createdAt: z.date() });
const StatusOut = z.object({ moduleId: z.string(), status: z.enum(TRAINING_STATUSES), required: z.boolean(), completedAt: z.date().nullable(), expiresAt: z.date().nullable() });
const CompletionOut = z.object({ id: z.string(), userId: z.string(), moduleId: z.string(), completedAt: z.date(), expiresAt: z.date(), recordedBy: z.string() });
const RequirementsOut = z.object({ brandId: z.string(), requiredModules: z.array(z.string()) });
const BrandParams = z.strictObject({ brandId: z.uuid() });

/** Security training: modules, completions with expiry, and the modules a brand requires before an assignment. */
export function trainingRoutes(app: ZodApp, { training }: AppServices): void {
  app.get('/training/modules', { config: { auth: 'session' }, schema: { tags, response: { 200: z.object({ items: z.array(ModuleOut) }) } } }, async (req) => ({
    items: await training.listModules(principalOf(req)),
  }));
  app.post(
    '/training/modules',
    {
      config: { auth: 'session' },
      schema: { tags, body: z.strictObject({ id: ModuleId, title: z.string().trim().min(1).max(200), validityMonths: z.number().int().min(1).max(60).optional() }), response: { 201: ModuleOut } },
    },
    async (req, reply) => reply.code(201).send(await training.createModule(principalOf(req), req.body)),
  );
  app.post(
    '/training/completions',
    {
      config: { auth: 'session' },
      schema: { tags, body: z.strictObject({ userId: z.uuid(), moduleId: ModuleId, completedAt: z.iso.datetime({ offset: true }).transform((s) => new Date(s)).optional() }), response: { 201: CompletionOut } },
    },
    async (req, reply) => reply.code(201).send(await training.recordCompletion(principalOf(req), req.body)),
  );
  app.get(
    '/training/users/:userId',
    { config: { auth: 'session' }, schema: { tags, params: z.strictObject({ userId: z.uuid() }), response: { 200: z.object({ userId: z.string(), modules: z.array(StatusOut) }) } } },
    async (req) => training.userTraining(principalOf(req), req.params.userId),
  );
  app.get(
    '/brands/:brandId/training',
    {
      config: { auth: 'session' },
      schema: {
        tags,
        params: BrandParams,
        response: {
          200: z.object({
            brandId: z.string(),
            requiredModules: z.array(z.string()),
            coveragePercent: z.number(),
            people: z.array(z.object({ userId: z.string(), role: z.enum(ROLES), modules: z.array(StatusOut) })),
          }),
        },
      },
    },
    async (req) => training.brandTraining(principalOf(req), req.params.brandId),
  );
  app.put(
    '/brands/:brandId/training/requirements',
    { config: { auth: 'session' }, schema: { tags, params: BrandParams, body: z.strictObject({ moduleIds: z.array(ModuleId).max(50) }), response: { 200: RequirementsOut } } },
    async (req) => training.setRequirements(principalOf(req), req.params.brandId, req.body.moduleIds),
  );
}
