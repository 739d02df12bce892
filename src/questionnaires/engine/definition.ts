import { z } from 'zod';

/**
 * A questionnaire definition, machine-readable and versioned, in the spirit of google/vsaq and
 * CSA CAIQ v4: sections of questions, conditional questions (`showIf`), finding rules (an answer →
 * a finding with a severity and the controls it relates to) and the weights of the risk score.
 * The JSON Schema in docs/questionnaire.schema.json is generated from this (scripts/questionnaire-schema.ts).
 */
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const QUESTION_TYPES = ['yes_no', 'single_choice', 'multiple_choice', 'number', 'date', 'text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

const Id = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'ids are lowercase letters, digits and _');
const Scalar = z.union([z.boolean(), z.string().max(200), z.number()]);

/** A condition on earlier answers. A question that is unanswered or hidden matches no leaf condition. */
export type Condition =
  | { question: string; equals: boolean | string | number }
  | { question: string; notEquals: boolean | string | number }
  | { question: string; in: (string | number)[] }
  | { question: string; includes: string }
  | { question: string; excludes: string }
  | { question: string; lt?: number; lte?: number; gt?: number; gte?: number }
  | { question: string; olderThanDays: number }
  | { question: string; answered: boolean }
  | { all: Condition[] }
  | { any: Condition[] };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ question: Id, equals: Scalar }),
    z.strictObject({ question: Id, notEquals: Scalar }),
    z.strictObject({ question: Id, in: z.array(z.union([z.string().max(200), z.number()])).min(1).max(50) }),
    z.strictObject({ question: Id, includes: z.string().max(200) }),
    z.strictObject({ question: Id, excludes: z.string().max(200) }),
    z
      .strictObject({ question: Id, lt: z.number().optional(), lte: z.number().optional(), gt: z.number().optional(), gte: z.number().optional() })
      .refine((c) => c.lt !== undefined || c.lte !== undefined || c.gt !== undefined || c.gte !== undefined, 'a comparison needs lt, lte, gt or gte'),
    z.strictObject({ question: Id, olderThanDays: z.number().int().min(1).max(36_500) }),
    z.strictObject({ question: Id, answered: z.boolean() }),
    z.strictObject({ all: z.array(conditionSchema).min(1).max(20) }),
    z.strictObject({ any: z.array(conditionSchema).min(1).max(20) }),
  ]),
);

export const findingRuleSchema = z.strictObject({
  id: Id,
  when: conditionSchema,
  severity: z.enum(SEVERITIES),
  title: z.string().min(1).max(200),
  /** Controls the finding relates to, e.g. "PCI DSS 3.3.1", "ISO 27001 A.5.19". */
  controls: z.array(z.string().min(1).max(60)).min(1).max(10),
  recommendation: z.string().max(1000).optional(),
});
export type FindingRule = z.infer<typeof findingRuleSchema>;

const optionSchema = z.strictObject({ value: Id, label: z.string().min(1).max(200) });

export const questionSchema = z.strictObject({
  id: Id,
  type: z.enum(QUESTION_TYPES),
  text: z.string().min(1).max(500),
  help: z.string().max(1000).optional(),
  /** Required while visible (default true). A hidden question is never required and must not be answered. */
  required: z.boolean().default(true),
  options: z.array(optionSchema).min(2).max(30).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().optional(),
  unit: z.string().max(30).optional(),
  maxLength: z.number().int().min(1).max(10_000).optional(),
  showIf: conditionSchema.optional(),
  /** Finding rules evaluated when the question is visible; `when` may look at any question. */
  findings: z.array(findingRuleSchema).max(20).default([]),
});
export type Question = z.infer<typeof questionSchema>;

export const sectionSchema = z.strictObject({
  id: Id,
  title: z.string().min(1).max(200),
  description: z.string().max(1000).optional(),
  questions: z.array(questionSchema).min(1).max(100),
});
export type Section = z.infer<typeof sectionSchema>;

const weightsSchema = z.strictObject({
  low: z.number().min(0).max(1),
  medium: z.number().min(0).max(1),
  high: z.number().min(0).max(1),
  critical: z.number().min(0).max(1),
});

export const definitionShape = z.strictObject({
  id: Id,
  version: z.number().int().min(1),
  title: z.string().min(1).max(200),
  description: z.string().max(2000).optional(),
  /** Each finding takes this share of the remaining risk (see scoring.ts). */
  scoring: z.strictObject({ weights: weightsSchema }).optional(),
  sections: z.array(sectionSchema).min(1).max(50),
});

export type Definition = z.infer<typeof definitionShape>;
export type DefinitionInput = z.input<typeof definitionShape>;
