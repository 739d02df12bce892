import { randomUUID } from 'node:crypto';
import type { AccessContext } from './context.js';
import { accessErrors } from './errors.js';
import { brandsAllowed, type Principal } from './principal.js';
import type { Brand } from './types.js';
import { isUniqueViolation, isUuid, text } from './validate.js';

export interface BrandService {
  /** Brands the principal may read (security admins: all). */
  list(principal: Principal): Promise<Brand[]>;
  create(principal: Principal, input: { name: string; agentMfaRequired?: boolean }): Promise<Brand>;
  update(principal: Principal, brandId: string, patch: { name?: string; agentMfaRequired?: boolean }): Promise<Brand>;
}

interface BrandRow {
  id: string;
  name: string;
  agent_mfa_required: boolean;
  created_at: Date;
}

const toBrand = (r: BrandRow): Brand => ({ id: r.id, name: r.name, agentMfaRequired: r.agent_mfa_required, createdAt: new Date(r.created_at) });

export function createBrandService(ctx: AccessContext): BrandService {
  return {
    async list(principal) {
      const ids = brandsAllowed(principal, 'brand.read');
      const { rows } = await ctx.db.query<BrandRow>(
        'SELECT id, name, agent_mfa_required, created_at FROM brands WHERE $1::uuid[] IS NULL OR id = ANY($1::uuid[]) ORDER BY lower(name)',
        [ids],
      );
      return rows.map(toBrand);
    },

    async create(principal, input) {
      await ctx.require(principal, 'brand.manage', null); // new tenants are BPO-wide business
      const name = text(input.name, 'name', 120);
      const id = randomUUID();
      try {
        return await ctx.db.transaction(async (tx) => {
          const { rows } = await tx.query<BrandRow>(
            `INSERT INTO brands (id, name, agent_mfa_required, created_at) VALUES ($1, $2, $3, $4)
             RETURNING id, name, agent_mfa_required, created_at`,
            [id, name, input.agentMfaRequired === true, ctx.now()],
          );
          await ctx.record(tx, { actor: principal.actor, action: 'brand.create', brandId: id, outcome: 'success', target: { type: 'brand', id } }, principal);
          return toBrand(rows[0] as BrandRow);
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw accessErrors.brand_name_taken();
        throw err;
      }
    },

    async update(principal, brandId, patch) {
      await ctx.require(principal, 'brand.manage', brandId, { type: 'brand', id: String(brandId) });
      if (!isUuid(brandId)) throw accessErrors.brand_not_found();
      const name = patch.name === undefined ? null : text(patch.name, 'name', 120);
      const mfa = patch.agentMfaRequired === undefined ? null : patch.agentMfaRequired === true;
      try {
        return await ctx.db.transaction(async (tx) => {
          const { rows } = await tx.query<BrandRow>(
            `UPDATE brands SET name = COALESCE($2, name), agent_mfa_required = COALESCE($3, agent_mfa_required)
              WHERE id = $1 RETURNING id, name, agent_mfa_required, created_at`,
            [brandId, name, mfa],
          );
          if (!rows[0]) throw accessErrors.brand_not_found();
          await ctx.record(
            tx,
            { actor: principal.actor, action: 'brand.update', brandId, outcome: 'success', target: { type: 'brand', id: brandId }, details: { agentMfaRequired: rows[0].agent_mfa_required } },
            principal,
          );
          return toBrand(rows[0]);
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw accessErrors.brand_name_taken();
        throw err;
      }
    },
  };
}
