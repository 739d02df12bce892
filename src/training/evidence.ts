import { brandMembers } from '../access/index.js';
import type { Queryable } from '../db/types.js';
import { coverage, statusesOf } from './service.js';
import * as data from './training-data.js';

/** Training evidence of one brand for the compliance report: counts, module ids and user ids only. */
export interface TrainingEvidence {
  brandId: string;
  at: string;
  requiredModules: string[];
  /** 'required' when the brand requires modules; otherwise coverage counts every module. */
  basis: 'required' | 'all_modules';
  peopleAssigned: number;
  /** People with every counted module valid (current or expiring). */
  peopleCurrent: number;
  coveragePercent: number;
  /** Users lacking a counted module (ids: the report links to the training page). */
  usersMissing: string[];
  modules: { moduleId: string; current: number; expiring: number; expired: number; missing: number }[];
}

export async function trainingEvidence(q: Queryable, brandId: string, now: Date): Promise<TrainingEvidence> {
  // One after the other: `q` may be a transaction's single connection (pg refuses overlapping queries there).
  const modules = await data.listModules(q);
  const required = await data.requiredModules(q, brandId);
  const members = await brandMembers(q, brandId);
  const latest = await data.latestCompletions(q, members.map((m) => m.userId));
  const people = members.map((m) => ({ userId: m.userId, modules: statusesOf(modules, latest.filter((c) => c.userId === m.userId), required, now) }));
  const counted = required.length > 0 ? required : modules.map((m) => m.id);
  const valid = (s: string) => s === 'current' || s === 'expiring';
  const usersMissing = people.filter((p) => !counted.every((id) => valid(p.modules.find((m) => m.moduleId === id)?.status ?? 'missing'))).map((p) => p.userId);
  return {
    brandId,
    at: now.toISOString(),
    requiredModules: required,
    basis: required.length > 0 ? 'required' : 'all_modules',
    peopleAssigned: people.length,
    peopleCurrent: people.length - usersMissing.length,
    coveragePercent: coverage(people, counted),
    usersMissing,
    modules: modules.map((m) => {
      const count = (s: string) => people.filter((p) => p.modules.find((x) => x.moduleId === m.id)?.status === s).length;
      return { moduleId: m.id, current: count('current'), expiring: count('expiring'), expired: count('expired'), missing: count('missing') };
    }),
  };
}
