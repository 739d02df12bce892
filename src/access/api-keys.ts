import { randomUUID } from 'node:crypto';
import type { AccessContext } from './context.js';
import { accessErrors, authErrors } from './errors.js';
import { ACTIONS, type Action } from './permissions.js';
import type { Principal } from './principal.js';
import { randomToken, readableCode, safeEqual, sha256, toBuffer } from './secrets.js';
import type { ApiKey, NewApiKey, RequestContext } from './types.js';
import { isUuid, text } from './validate.js';

export interface ApiKeyService {
  list(principal: Principal, brandId: string): Promise<ApiKey[]>;
  /** `secret` is the whole token `cvk_<prefix>_<secret>`, returned once and never stored. */
  create(principal: Principal, brandId: string, input: NewApiKey): Promise<{ apiKey: ApiKey; secret: string }>;
  revoke(principal: Principal, keyId: string): Promise<void>;
  /** `Authorization: Bearer <token>` to the Principal of the key; records the last use. */
  authenticate(token: string, from?: RequestContext): Promise<Principal>;
}

/** Machines push calls and events; they never manage people, keys or tenants. */
const NOT_FOR_MACHINES: ReadonlySet<Action> = new Set(['user.manage', 'apikey.manage', 'brand.manage', 'key.destroy', 'call.original.request', 'policy.manage', 'alert.manage', 'incident.manage', 'payment.take', 'payment.manage', 'payment.detokenize']);
const MAX_DAYS = 365;
const TOKEN = /^cvk_([0-9a-z]{10})_([A-Za-z0-9_-]{43})$/;

interface KeyRow {
  id: string;
  brand_id: string;
  name: string;
  prefix: string;
  scopes: string[];
  expires_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
  created_at: Date;
}
const COLUMNS = 'id, brand_id, name, prefix, scopes, expires_at, last_used_at, revoked_at, created_at';
const date = (d: Date | null) => (d === null ? null : new Date(d));
const toKey = (r: KeyRow): ApiKey => ({
  id: r.id,
  brandId: r.brand_id,
  name: r.name,
  prefix: r.prefix,
  scopes: r.scopes as Action[],
  expiresAt: new Date(r.expires_at),
  lastUsedAt: date(r.last_used_at),
  revokedAt: date(r.revoked_at),
  createdAt: new Date(r.created_at),
});

export function createApiKeyService(ctx: AccessContext): ApiKeyService {
  const refuse = async (from: RequestContext | undefined, keyId?: string, brandId: string | null = null, reason = 'unknown_key') => {
    await ctx.recordAlone(
      { actor: { kind: 'api_key', id: keyId ?? 'unknown' }, action: 'auth.api_key', brandId, outcome: 'failure', details: { reason }, ...(keyId && { target: { type: 'api_key', id: keyId } }) },
      from,
    );
    return authErrors.invalid_api_key();
  };

  return {
    async list(principal, brandId) {
      await ctx.require(principal, 'apikey.manage', brandId);
      if (!isUuid(brandId)) return [];
      const { rows } = await ctx.db.query<KeyRow>(`SELECT ${COLUMNS} FROM api_keys WHERE brand_id = $1 ORDER BY created_at DESC`, [brandId]);
      return rows.map(toKey);
    },

    async create(principal, brandId, input) {
      await ctx.require(principal, 'apikey.manage', brandId);
      if (!isUuid(brandId)) throw accessErrors.brand_not_found();
      const name = text(input.name, 'name', 120);
      const scopes = [...new Set(Array.isArray(input.scopes) ? input.scopes : [])];
      if (scopes.length === 0 || !scopes.every((s) => (ACTIONS as readonly string[]).includes(s) && !NOT_FOR_MACHINES.has(s as Action))) {
        throw accessErrors.invalid_input('scopes: expected known actions a machine may hold');
      }
      const days = input.expiresInDays;
      if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) throw accessErrors.invalid_input(`expiresInDays: 1 to ${MAX_DAYS}`);
      const brand = await ctx.db.query('SELECT 1 FROM brands WHERE id = $1', [brandId]);
      if (brand.rows.length === 0) throw accessErrors.brand_not_found();
      const prefix = readableCode(10).toLowerCase();
      const secret = randomToken(32); // 256 bits: SHA-256 of it cannot be brute-forced, so no slow hash is needed
      const now = ctx.now();
      return ctx.db.transaction(async (tx) => {
        const { rows } = await tx.query<KeyRow>(
          `INSERT INTO api_keys (id, brand_id, name, prefix, secret_hash, scopes, expires_at, created_by, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${COLUMNS}`,
          [randomUUID(), brandId, name, prefix, sha256(secret), scopes, new Date(now.getTime() + days * 86_400_000), `${principal.actor.kind}:${principal.actor.id}`, now],
        );
        const key = toKey(rows[0] as KeyRow);
        await ctx.record(tx, { actor: principal.actor, action: 'apikey.create', brandId, outcome: 'success', target: { type: 'api_key', id: key.id }, details: { scopes: scopes.join(','), days } }, principal);
        return { apiKey: key, secret: `cvk_${prefix}_${secret}` };
      });
    },

    async revoke(principal, keyId) {
      const { rows } = isUuid(keyId) ? await ctx.db.query<{ brand_id: string }>('SELECT brand_id FROM api_keys WHERE id = $1', [keyId]) : { rows: [] };
      const brandId = rows[0]?.brand_id ?? null;
      await ctx.require(principal, 'apikey.manage', brandId, { type: 'api_key', id: String(keyId) });
      if (brandId === null) throw accessErrors.api_key_not_found();
      await ctx.db.transaction(async (tx) => {
        await tx.query('UPDATE api_keys SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1', [keyId, ctx.now()]);
        await ctx.record(tx, { actor: principal.actor, action: 'apikey.revoke', brandId, outcome: 'success', target: { type: 'api_key', id: keyId } }, principal);
      });
    },

    async authenticate(token, from) {
      const m = typeof token === 'string' ? TOKEN.exec(token) : null;
      if (!m) throw await refuse(from, undefined, null, 'malformed');
      const [, prefix, secret] = m as unknown as [string, string, string];
      const { rows } = await ctx.db.query<KeyRow & { secret_hash: Uint8Array }>(`SELECT ${COLUMNS}, secret_hash FROM api_keys WHERE prefix = $1`, [prefix]);
      const row = rows[0];
      const matches = safeEqual(sha256(secret), row ? toBuffer(row.secret_hash) : Buffer.alloc(32));
      if (!row || !matches) throw await refuse(from, row?.id, row?.brand_id ?? null, row ? 'wrong_secret' : 'unknown_key');
      const now = ctx.now();
      if (row.revoked_at !== null) throw await refuse(from, row.id, row.brand_id, 'revoked');
      if (new Date(row.expires_at) <= now) throw await refuse(from, row.id, row.brand_id, 'expired');
      // Last use to the minute: a telephony platform posting every keypress must not pay a write per request.
      if (row.last_used_at === null || now.getTime() - new Date(row.last_used_at).getTime() >= 60_000) {
        await ctx.db.query('UPDATE api_keys SET last_used_at = $2 WHERE id = $1', [row.id, now]);
      }
      return {
        actor: { kind: 'api_key', id: row.id },
        isSecurityAdmin: false,
        roles: new Map(),
        apiKeyBrands: new Set([row.brand_id]),
        apiKeyScopes: new Set(row.scopes as Action[]),
        ...(from?.ip !== undefined && { ip: from.ip }),
        ...(from?.userAgent !== undefined && { userAgent: from.userAgent }),
        ...(from?.requestId !== undefined && { requestId: from.requestId }),
      };
    },
  };
}
