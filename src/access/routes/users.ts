import { z } from 'zod';
import { principalOf } from '../../http/auth.js';
import { Empty, NoBody } from '../../http/schemas.js';
import type { AppServices } from '../../http/services.js';
import type { ZodApp } from '../../http/types.js';
import { AssignmentIn, Email, UserOut } from './schemas.js';

const tags = ['users'];
const UserParams = z.strictObject({ userId: z.uuid() });
const Assignments = z.array(AssignmentIn).max(500);

/** People: invite (one-time password shown once), roles per brand, MFA reset, unlock, suspension, ending sessions. */
export function userRoutes(app: ZodApp, { access }: AppServices): void {
  app.get(
    '/users',
    { config: { auth: 'session' }, schema: { tags, querystring: z.strictObject({ brandId: z.uuid().optional() }), response: { 200: z.object({ items: z.array(UserOut) }) } } },
    async (req) => ({ items: await access.users.list(principalOf(req), req.query.brandId ? { brandId: req.query.brandId } : {}) }),
  );
  app.post(
    '/users',
    {
      config: { auth: 'session' },
      schema: {
        tags,
        body: z.strictObject({ email: Email, displayName: z.string().trim().min(1).max(200), isSecurityAdmin: z.boolean().optional(), assignments: Assignments }),
        response: { 200: z.object({ user: UserOut, oneTimePassword: z.string() }) },
      },
    },
    async (req) => access.users.create(principalOf(req), req.body),
  );
  app.put(
    '/users/:userId/assignments',
    { config: { auth: 'session' }, schema: { tags, params: UserParams, body: z.strictObject({ assignments: Assignments }), response: { 200: UserOut } } },
    async (req) => access.users.setAssignments(principalOf(req), req.params.userId, req.body.assignments),
  );
  app.post(
    '/users/:userId/mfa/reset',
    { config: { auth: 'session' }, schema: { tags, params: UserParams, body: NoBody, response: { 204: Empty } } },
    async (req, reply) => {
      await access.users.resetMfa(principalOf(req), req.params.userId);
      return reply.code(204).send();
    },
  );
  app.post(
    '/users/:userId/unlock',
    { config: { auth: 'session' }, schema: { tags, params: UserParams, body: NoBody, response: { 204: Empty } } },
    async (req, reply) => {
      await access.users.unlock(principalOf(req), req.params.userId);
      return reply.code(204).send();
    },
  );
  const SessionsEnded = z.object({ sessionsEnded: z.number().int() });
  app.post(
    '/users/:userId/suspend',
    { config: { auth: 'session' }, schema: { tags, params: UserParams, body: NoBody, response: { 200: SessionsEnded } } },
    async (req) => access.users.suspend(principalOf(req), req.params.userId),
  );
  app.post(
    '/users/:userId/reinstate',
    { config: { auth: 'session' }, schema: { tags, params: UserParams, body: NoBody, response: { 204: Empty } } },
    async (req, reply) => {
      await access.users.reinstate(principalOf(req), req.params.userId);
      return reply.code(204).send();
    },
  );
  app.post(
    '/users/:userId/sessions/end',
    { config: { auth: 'session' }, schema: { tags, params: UserParams, body: NoBody, response: { 200: SessionsEnded } } },
    async (req) => access.users.endSessions(principalOf(req), req.params.userId),
  );
}
