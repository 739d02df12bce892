import { createHmac } from 'node:crypto';
import type { Principal } from '../access/principal.js';
import { authorize, eventContext, recordAlone } from '../audit/authorize.js';
import type { Queryable } from '../db/types.js';
import { createRedactor, parsePolicy, PolicyError, type Redactor } from '../redaction/index.js';
import { brandSecret } from './brand-secrets.js';
import type { CallsContext } from './context.js';
import { callErrors } from './errors.js';
import { reviewParts } from './review-view.js';
import type { BrandRedactionSettings, ReviewPart } from './types.js';

export interface PolicyUpdate {
  policy: unknown;
  keepOriginalDays: number | null;
  audioMode: 'silence' | 'tone';
  maskDtmf: boolean;
}

export interface PolicyService {
  get(principal: Principal, brandId: string): Promise<BrandRedactionSettings>;
  put(principal: Principal, brandId: string, update: PolicyUpdate): Promise<BrandRedactionSettings>;
  /** Redacts pasted text under a policy (the saved one unless given): the editor's live preview. Nothing is stored. */
  preview(principal: Principal, brandId: string, input: { text: string; policy?: unknown }): Promise<{ parts: ReviewPart[]; counts: Record<string, number> }>;
}

interface PolicyRow {
  policy: unknown;
  keep_original_days: number | null;
  audio_mode: 'silence' | 'tone';
  mask_dtmf: boolean;
  version: number;
  updated_at: Date;
}

const DEFAULTS = { policy: { version: 1 }, keepOriginalDays: null, audioMode: 'silence', maskDtmf: true, version: 0 } as const;

/** The brand's settings (defaults when none were saved: every type replaced, no original kept). */
export async function loadSettings(q: Queryable, brandId: string): Promise<BrandRedactionSettings> {
  const { rows } = await q.query<PolicyRow>('SELECT policy, keep_original_days, audio_mode, mask_dtmf, version, updated_at FROM brand_redaction_policies WHERE brand_id = $1', [brandId]);
  const r = rows[0];
  if (!r) return { brandId, ...DEFAULTS, updatedAt: null };
  return { brandId, policy: r.policy, keepOriginalDays: r.keep_original_days, audioMode: r.audio_mode, maskDtmf: r.mask_dtmf, version: r.version, updatedAt: new Date(r.updated_at) };
}

/**
 * Sets only the days an original is kept (NULL: deleted once redacted), leaving the redaction policy
 * as it is (defaults when none was saved). The retention module shows and sets this value through
 * here, so keep_original_days stays the one source of truth that redaction reads. The caller
 * checks retention.manage and audits in the same transaction. Returns the new policy version.
 */
export async function setKeepOriginalDays(tx: Queryable, brandId: string, days: number | null, updatedBy: string, now: Date): Promise<number> {
  const { rows } = await tx.query<{ version: number }>(
    `INSERT INTO brand_redaction_policies (brand_id, policy, keep_original_days, audio_mode, mask_dtmf, version, updated_by, updated_at)
     VALUES ($1, $2, $3, $4, $5, 1, $6, $7)
     ON CONFLICT (brand_id) DO UPDATE SET keep_original_days = EXCLUDED.keep_original_days, version = brand_redaction_policies.version + 1,
       updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
     RETURNING version`,
    [brandId, JSON.stringify(DEFAULTS.policy), days, DEFAULTS.audioMode, DEFAULTS.maskDtmf, updatedBy, now],
  );
  return rows[0]?.version ?? 1;
}

/** A redactor for the brand: its policy, with the brand's pseudonym key for the hash operator. */
export async function brandRedactor(ctx: CallsContext, q: Queryable, brandId: string, policy: unknown): Promise<Redactor> {
  const parsed = checkedPolicy(policy);
  const secret = await brandSecret(q, ctx.vault, brandId, 'pseudonym', ctx.now());
  // One key per keyId under the brand's secret, so two keyIds of one brand give unrelated pseudonyms.
  return createRedactor(parsed, { hashKey: (keyId?: string) => createHmac('sha256', secret).update(`keyId:${keyId ?? ""}`).digest() });
}

function checkedPolicy(policy: unknown) {
  try {
    const parsed = parsePolicy(policy ?? {});
    if (Object.values(parsed.types).some((t) => t.redact && t.operator.kind === 'tokenize')) {
      throw callErrors.bad_policy('tokenize is for payment data in the vault; use hash for stable pseudonyms in transcripts');
    }
    return parsed;
  } catch (err) {
    if (err instanceof PolicyError) throw callErrors.bad_policy(`Invalid redaction policy: ${err.message}`);
    throw err;
  }
}

export function createPolicyService(ctx: CallsContext): PolicyService {
  return {
    async get(principal, brandId) {
      await authorize(ctx, principal, 'policy.read', brandId, { action: 'policy.read', target: { type: 'brand', id: brandId } });
      return loadSettings(ctx.db, brandId);
    },

    async put(principal, brandId, update) {
      await authorize(ctx, principal, 'policy.manage', brandId, { action: 'policy.update', target: { type: 'brand', id: brandId } });
      checkedPolicy(update.policy);
      const now = ctx.now();
      return ctx.db.transaction(async (tx) => {
        const brand = await tx.query('SELECT 1 FROM brands WHERE id = $1', [brandId]);
        if (brand.rows.length === 0) throw callErrors.not_found('Brand not found');
        const { rows } = await tx.query<{ version: number }>(
          `INSERT INTO brand_redaction_policies (brand_id, policy, keep_original_days, audio_mode, mask_dtmf, version, updated_by, updated_at)
           VALUES ($1, $2, $3, $4, $5, 1, $6, $7)
           ON CONFLICT (brand_id) DO UPDATE SET policy = EXCLUDED.policy, keep_original_days = EXCLUDED.keep_original_days,
             audio_mode = EXCLUDED.audio_mode, mask_dtmf = EXCLUDED.mask_dtmf, version = brand_redaction_policies.version + 1,
             updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
           RETURNING version`,
          [brandId, JSON.stringify(update.policy ?? {}), update.keepOriginalDays, update.audioMode, update.maskDtmf, `${principal.actor.kind}:${principal.actor.id}`, now],
        );
        await ctx.audit.append(tx, {
          ...eventContext(principal),
          action: 'policy.update',
          brandId,
          target: { type: 'brand', id: brandId },
          outcome: 'success',
          details: { version: rows[0]?.version ?? 1, keepOriginalDays: update.keepOriginalDays, audioMode: update.audioMode, maskDtmf: update.maskDtmf },
        });
        return loadSettings(tx, brandId);
      });
    },

    async preview(principal, brandId, input) {
      await authorize(ctx, principal, 'policy.read', brandId, { action: 'policy.preview', target: { type: 'brand', id: brandId } });
      const policy = input.policy ?? (await loadSettings(ctx.db, brandId)).policy;
      const redactor = await ctx.db.transaction((tx) => brandRedactor(ctx, tx, brandId, policy));
      const r = await redactor.redact(input.text);
      const counts: Record<string, number> = {};
      for (const e of r.edits) counts[e.type] = (counts[e.type] ?? 0) + 1;
      // The pasted text is neither stored nor logged; the event records that a preview ran and its counts.
      await recordAlone(ctx, { ...eventContext(principal), action: 'policy.preview', brandId, outcome: 'success', details: { redactions: r.edits.length } });
      return { parts: reviewParts(input.text, r.edits), counts };
    },
  };
}
