import type { Condition } from './definition.js';
import { definitionShape, type Definition, type Question } from './definition.js';

export class DefinitionError extends Error {
  override name = 'DefinitionError';
  constructor(readonly problems: string[]) {
    super(`invalid questionnaire definition: ${problems.join('; ')}`);
  }
}

/** Every question of a definition, in order. */
export function questionsOf(def: Definition): Question[] {
  return def.sections.flatMap((s) => s.questions);
}

/**
 * Parses and checks a definition: the shape (zod), unique ids, conditions that only look at
 * EARLIER questions (so visibility is decided in one pass and cannot loop), and condition values
 * that fit the question they test (an option that exists, a boolean for yes/no…).
 * @example parseDefinition(JSON.parse(readFileSync('vendor-security.v1.json', 'utf8')))
 */
export function parseDefinition(input: unknown): Definition {
  const parsed = definitionShape.safeParse(input);
  if (!parsed.success) throw new DefinitionError(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  const def = parsed.data;
  const problems: string[] = [];
  const seen = new Map<string, Question>();
  const sections = new Set<string>();
  for (const s of def.sections) {
    if (sections.has(s.id)) problems.push(`section ${s.id}: duplicate id`);
    sections.add(s.id);
    for (const q of s.questions) {
      if (seen.has(q.id)) problems.push(`question ${q.id}: duplicate id`);
      problems.push(...shapeProblems(q));
      if (q.showIf) problems.push(...conditionProblems(`question ${q.id} showIf`, q.showIf, seen));
      seen.set(q.id, q);
    }
  }
  const rules = new Set<string>();
  for (const q of questionsOf(def)) {
    for (const r of q.findings) {
      if (rules.has(r.id)) problems.push(`finding ${r.id}: duplicate id`);
      rules.add(r.id);
      problems.push(...conditionProblems(`finding ${r.id}`, r.when, seen));
    }
  }
  if (problems.length > 0) throw new DefinitionError(problems);
  return def;
}

function shapeProblems(q: Question): string[] {
  const out: string[] = [];
  const choice = q.type === 'single_choice' || q.type === 'multiple_choice';
  if (choice && !q.options) out.push(`question ${q.id}: a choice question needs options`);
  if (!choice && q.options) out.push(`question ${q.id}: only choice questions have options`);
  if (q.options && new Set(q.options.map((o) => o.value)).size !== q.options.length) out.push(`question ${q.id}: duplicate option values`);
  if (q.type !== 'number' && (q.min !== undefined || q.max !== undefined || q.integer !== undefined)) out.push(`question ${q.id}: min, max and integer are for number questions`);
  if (q.min !== undefined && q.max !== undefined && q.min > q.max) out.push(`question ${q.id}: min is above max`);
  if (q.type !== 'text' && q.maxLength !== undefined) out.push(`question ${q.id}: maxLength is for text questions`);
  return out;
}

function conditionProblems(where: string, c: Condition, known: ReadonlyMap<string, Question>): string[] {
  if ('all' in c || 'any' in c) return ('all' in c ? c.all : c.any).flatMap((x) => conditionProblems(where, x, known));
  const q = known.get(c.question);
  if (!q) return [`${where}: refers to ${c.question}, which is not an earlier question`];
  const options = new Set(q.options?.map((o) => o.value));
  const out: string[] = [];
  const fits = (v: unknown) =>
    q.type === 'yes_no' ? typeof v === 'boolean' : q.type === 'number' ? typeof v === 'number' : q.type === 'single_choice' ? typeof v === 'string' && options.has(v) : typeof v === 'string';
  if ('equals' in c && !fits(c.equals)) out.push(`${where}: ${JSON.stringify(c.equals)} is not a possible answer of ${c.question}`);
  if ('notEquals' in c && !fits(c.notEquals)) out.push(`${where}: ${JSON.stringify(c.notEquals)} is not a possible answer of ${c.question}`);
  if ('in' in c && !c.in.every(fits)) out.push(`${where}: not every value of "in" is a possible answer of ${c.question}`);
  if (('includes' in c || 'excludes' in c) && q.type !== 'multiple_choice') out.push(`${where}: includes/excludes test multiple-choice questions`);
  if ('includes' in c && !options.has(c.includes)) out.push(`${where}: ${c.includes} is not an option of ${c.question}`);
  if ('excludes' in c && !options.has(c.excludes)) out.push(`${where}: ${c.excludes} is not an option of ${c.question}`);
  if ('olderThanDays' in c && q.type !== 'date') out.push(`${where}: olderThanDays tests date questions`);
  if (('lt' in c || 'lte' in c || 'gt' in c || 'gte' in c) && q.type !== 'number') out.push(`${where}: comparisons test number questions`);
  return out;
}
