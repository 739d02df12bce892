import { z } from 'zod';
import { ENTITY_TYPES, type EntityType, type OperatorConfig, type Policy, type TypePolicy } from './types.js';

/**
 * A brand's redaction policy as JSON: per entity type, whether to redact, how (operator) and the
 * minimum score a finding needs. Everything is optional; what is left out gets the defaults below
 * (every type redacted, replaced by `[TYPE]`): a policy can only relax what it names, so a typo
 * never silently turns redaction off (unknown fields are rejected).
 */

/** Findings scoring below this are dropped unless a policy says otherwise. Low on purpose: fail closed. */
export const DEFAULT_MIN_SCORE = 0.3;

/**
 * PCI DSS v4.0 requirement 3.4.1: when a PAN is displayed, at most the BIN (first six digits) and
 * the last four may be visible.
 */
export const PCI_MAX_VISIBLE_FIRST = 6;
export const PCI_MAX_VISIBLE_LAST = 4;

const operatorSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('replace'),
    template: z.string().max(200).optional().describe('Replacement text; `{type}` is replaced by the entity type. Default `[{type}]`.'),
  }),
  z.strictObject({
    kind: z.literal('mask'),
    char: z.string().length(1).optional().describe('Masking character, default `*`.'),
    keepLast: z.number().int().min(0).max(64).optional().describe('Letters/digits left visible at the end.'),
    keepFirst: z.number().int().min(0).max(64).optional().describe('Letters/digits left visible at the start.'),
  }),
  z.strictObject({
    kind: z.literal('hash'),
    keyId: z.string().min(1).max(200).optional().describe('Which HMAC key the caller supplies (e.g. the brand key id).'),
  }),
  z.strictObject({ kind: z.literal('remove') }),
  z.strictObject({ kind: z.literal('tokenize') }),
]);

const typePolicySchema = z.strictObject({
  redact: z.boolean().optional(),
  minScore: z.number().min(0).max(1).optional(),
  operator: operatorSchema.optional(),
});

const typesShape = Object.fromEntries(ENTITY_TYPES.map((t) => [t, typePolicySchema.optional()])) as Record<
  EntityType,
  z.ZodOptional<typeof typePolicySchema>
>;

/** The policy JSON schema (zod). `docs/policy.schema.json` is generated from it. */
export const policySchema = z
  .strictObject({
    // (PCI DSS 3.4.1, enforced by parsePolicy: a CREDIT_CARD mask may keep at most the first 6 and last 4 digits)
    version: z.literal(1).optional(),
    defaults: typePolicySchema.optional().describe('Applies to every type not overriding the field.'),
    types: z.strictObject(typesShape).optional(),
  })
  .superRefine((policy, ctx) => {
    // PCI DSS 3.4.1: a policy that would show more than BIN + last four of a PAN is refused.
    const card = policy.types?.CREDIT_CARD?.operator ?? policy.defaults?.operator;
    if (card?.kind !== 'mask') return;
    const where = policy.types?.CREDIT_CARD?.operator ? ['types', 'CREDIT_CARD', 'operator'] : ['defaults', 'operator'];
    if ((card.keepFirst ?? 0) > PCI_MAX_VISIBLE_FIRST) {
      ctx.addIssue({ code: 'custom', path: [...where, 'keepFirst'], message: `PCI DSS 3.4.1 allows at most the first ${PCI_MAX_VISIBLE_FIRST} digits of a card number to be visible` });
    }
    if ((card.keepLast ?? 0) > PCI_MAX_VISIBLE_LAST) {
      ctx.addIssue({ code: 'custom', path: [...where, 'keepLast'], message: `PCI DSS 3.4.1 allows at most the last ${PCI_MAX_VISIBLE_LAST} digits of a card number to be visible` });
    }
  });

export type PolicyInput = z.input<typeof policySchema>;

/** Raised for a policy that does not validate. `field` names where (e.g. `types.CREDIT_CARD.operator.keepLast`). */
export class PolicyError extends Error {
  override name = 'PolicyError';
  readonly code = 'redaction.invalid_policy';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`invalid redaction policy: ${field}: ${message}`);
  }
}

const DEFAULT_OPERATOR: OperatorConfig = { kind: 'replace' };

/** The default policy: every type redacted with `[TYPE]`, minimum score DEFAULT_MIN_SCORE. */
export function defaultPolicy(): Policy {
  return buildPolicy({});
}

function buildPolicy(input: z.output<typeof policySchema>): Policy {
  const types = {} as Record<EntityType, TypePolicy>;
  for (const type of ENTITY_TYPES) {
    const own = input.types?.[type];
    types[type] = {
      redact: own?.redact ?? input.defaults?.redact ?? true,
      minScore: own?.minScore ?? input.defaults?.minScore ?? DEFAULT_MIN_SCORE,
      operator: own?.operator ?? input.defaults?.operator ?? DEFAULT_OPERATOR,
    };
  }
  return { types };
}

/**
 * Validates a policy (a JSON string or an already-parsed value) and fills in the defaults.
 * @example parsePolicy('{"types":{"CREDIT_CARD":{"operator":{"kind":"mask","keepLast":4}}}}')
 * @throws PolicyError naming the first offending field.
 */
export function parsePolicy(json: string | unknown): Policy {
  let value: unknown = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch {
      throw new PolicyError('(root)', 'not valid JSON');
    }
  }
  const parsed = policySchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)';
    throw new PolicyError(field, issue.message);
  }
  return buildPolicy(parsed.data);
}

/** The policy's JSON Schema (draft 2020-12), for docs and editors. */
export function policyJsonSchema(): unknown {
  return z.toJSONSchema(policySchema, { io: 'input' });
}
