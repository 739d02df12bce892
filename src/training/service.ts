import { randomUUID } from 'node:crypto';
import { brandMembers, brandsOfUser, brandsAllowed, isUuid, type Principal, type Role } from '../access/index.js';
import { authorize, eventContext, recordAlone, type AuditLog } from '../audit/index.js';
import type { Db, Queryable } from '../db/types.js';
import { trainingErrors } from './errors.js';
import { addMonths, isValid, trainingStatus, type TrainingStatus } from './status.js';
import * as data from './training-data.js';

export interface TrainingDeps {
  db: Db;
  audit: AuditLog;
  now?: () => Date;
}

export interface ModuleStatus {
  moduleId: string;
  status: TrainingStatus;
  required: boolean;
  completedAt: Date | null;
  expiresAt: Date | null;
}
export interface CompletionView {
  id: string;
  userId: string;
  moduleId: string;
  completedAt: Date;
  expiresAt: Date;
  recordedBy: string;
}
export interface BrandTraining {
  brandId: string;
  requiredModules: string[];
  /** Share of the brand's people with every required module valid (every module when none is required). */
  coveragePercent: number;
  people: { userId: string; role: Role; modules: ModuleStatus[] }[];
}

export interface TrainingService {
  listModules(principal: Principal): Promise<data.TrainingModule[]>;
  createModule(principal: Principal, input: { id: string; title: string; validityMonths?: number }): Promise<data.TrainingModule>;
  /** Records that the user completed the module (default now); it expires after the module's validity. */
  recordCompletion(principal: Principal, input: { userId: string; moduleId: string; completedAt?: Date }): Promise<CompletionView>;
  /** Every module for one user (a person may always see their own). */
  userTraining(principal: Principal, userId: string): Promise<{ userId: string; modules: ModuleStatus[] }>;
  brandTraining(principal: Principal, brandId: string): Promise<BrandTraining>;
  setRequirements(principal: Principal, brandId: string, moduleIds: string[]): Promise<{ brandId: string; requiredModules: string[] }>;
}

const actorRef = (p: Principal) => `${p.actor.kind}:${p.actor.id}`;

/** Each module's status for one user, from their latest completions. */
export function statusesOf(modules: readonly { id: string }[], latest: readonly data.Completion[], required: readonly string[], now: Date): ModuleStatus[] {
  return modules.map((m) => {
    const c = latest.find((x) => x.moduleId === m.id);
    return { moduleId: m.id, status: trainingStatus(c?.expiresAt ?? null, now), required: required.includes(m.id), completedAt: c?.completedAt ?? null, expiresAt: c?.expiresAt ?? null };
  });
}

/** Percentage (0-100, one decimal) of people whose `counted` modules are all valid; 100 for nobody. */
export function coverage(people: readonly { modules: readonly ModuleStatus[] }[], counted: readonly string[]): number {
  if (people.length === 0) return 100;
  const ok = people.filter((p) => counted.every((id) => isValid(p.modules.find((m) => m.moduleId === id)?.status ?? 'missing'))).length;
  return Math.round((ok / people.length) * 1000) / 10;
}

export function createTrainingService(deps: TrainingDeps): TrainingService {
  const { db, audit } = deps;
  const now = deps.now ?? (() => new Date());
  const mayRead = (p: Principal) => {
    const brands = brandsAllowed(p, 'training.read');
    return brands === null || brands.length > 0;
  };

  async function brandsOrInstallation(p: Principal, action: 'training.read' | 'training.manage', userId: string, verb: string): Promise<string[]> {
    const brands = await brandsOfUser(db, userId);
    const target = { type: 'user', id: userId };
    if (brands.length === 0) await authorize({ db, audit }, p, action, null, { action: verb, target });
    for (const b of brands) await authorize({ db, audit }, p, action, b, { action: verb, target });
    return brands;
  }

  async function moduleOr404(q: Queryable, id: string): Promise<data.TrainingModule> {
    const m = (await data.listModules(q)).find((x) => x.id === id);
    if (!m) throw trainingErrors.module_not_found();
    return m;
  }

  return {
    async listModules(p) {
      if (!mayRead(p)) await authorize({ db, audit }, p, 'training.read', null, { action: 'training.modules.read' });
      return data.listModules(db);
    },

    async createModule(p, input) {
      await authorize({ db, audit }, p, 'training.manage', null, { action: 'training.module.create' });
      const at = now();
      const m = { id: input.id, title: input.title, validityMonths: input.validityMonths ?? 12 };
      return db.transaction(async (tx) => {
        if (!(await data.insertModule(tx, m, actorRef(p), at))) throw trainingErrors.module_exists();
        await audit.append(tx, { ...eventContext(p), action: 'training.module.create', brandId: null, outcome: 'success', target: { type: 'training_module', id: m.id }, details: { validityMonths: m.validityMonths } });
        return { ...m, createdAt: at };
      });
    },

    async recordCompletion(p, input) {
      if (!isUuid(input.userId) || !(await data.userExists(db, input.userId))) {
        await authorize({ db, audit }, p, 'training.manage', null, { action: 'training.complete' });
        throw trainingErrors.user_not_found();
      }
      const brands = await brandsOrInstallation(p, 'training.manage', input.userId, 'training.complete');
      const at = now();
      const completedAt = input.completedAt ?? at;
      if (completedAt.getTime() > at.getTime()) throw trainingErrors.completed_in_future();
      return db.transaction(async (tx) => {
        const m = await moduleOr404(tx, input.moduleId);
        const c = { id: randomUUID(), userId: input.userId, moduleId: m.id, completedAt, expiresAt: addMonths(completedAt, m.validityMonths), recordedBy: actorRef(p) };
        await data.insertCompletion(tx, c, at);
        // In every brand chain the person works in: each brand's auditors see its people's training.
        for (const brandId of brands.length > 0 ? brands : [null]) {
          await audit.append(tx, { ...eventContext(p), action: 'training.complete', brandId, outcome: 'success', target: { type: 'user', id: c.userId }, details: { moduleId: m.id, completionId: c.id } });
        }
        return c;
      });
    },

    async userTraining(p, userId) {
      const self = p.actor.kind === 'user' && p.actor.id === userId;
      if (!isUuid(userId) || !(await data.userExists(db, userId))) {
        await authorize({ db, audit }, p, 'training.read', null, { action: 'training.records.read' });
        throw trainingErrors.user_not_found();
      }
      if (!self) await brandsOrInstallation(p, 'training.read', userId, 'training.records.read');
      const [modules, latest] = await Promise.all([data.listModules(db), data.latestCompletions(db, [userId])]);
      await recordAlone({ db, audit }, { ...eventContext(p), action: 'training.records.read', brandId: null, outcome: 'success', target: { type: 'user', id: userId } });
      return { userId, modules: statusesOf(modules, latest, [], now()) };
    },

    async brandTraining(p, brandId) {
      await authorize({ db, audit }, p, 'training.read', brandId, { action: 'training.records.read' });
      if (!(await data.brandExists(db, brandId))) throw trainingErrors.brand_not_found();
      const [modules, required, members] = await Promise.all([data.listModules(db), data.requiredModules(db, brandId), brandMembers(db, brandId)]);
      const latest = await data.latestCompletions(db, members.map((m) => m.userId));
      const at = now();
      const people = members.map((m) => ({ userId: m.userId, role: m.role, modules: statusesOf(modules, latest.filter((c) => c.userId === m.userId), required, at) }));
      await recordAlone({ db, audit }, { ...eventContext(p), action: 'training.records.read', brandId, outcome: 'success', target: { type: 'brand', id: brandId }, details: { people: people.length } });
      return { brandId, requiredModules: required, coveragePercent: coverage(people, required.length > 0 ? required : modules.map((m) => m.id)), people };
    },

    async setRequirements(p, brandId, moduleIds) {
      await authorize({ db, audit }, p, 'training.manage', brandId, { action: 'training.requirements.set', target: { type: 'brand', id: brandId } });
      if (!(await data.brandExists(db, brandId))) throw trainingErrors.brand_not_found();
      const ids = [...new Set(moduleIds)].sort();
      const known = new Set((await data.listModules(db)).map((m) => m.id));
      if (ids.some((id) => !known.has(id))) throw trainingErrors.module_not_found(`Unknown training module: ${ids.filter((id) => !known.has(id)).join(', ')}`);
      await db.transaction(async (tx) => {
        await data.replaceRequirements(tx, brandId, ids);
        await audit.append(tx, { ...eventContext(p), action: 'training.requirements.set', brandId, outcome: 'success', target: { type: 'brand', id: brandId }, details: { modules: ids.join(',') } });
      });
      return { brandId, requiredModules: ids };
    },
  };
}

