import { randomBytes } from 'node:crypto';
import type { Principal } from '../access/index.js';
import type { Queryable } from '../db/types.js';
import { paymentScope, type Vault } from '../vault/index.js';
import { cardBrandOf } from './card.js';
import { paymentErrors } from './errors.js';

/**
 * Reusable cards for brands that keep them: an opaque id (`tok_…`, random, derived from nothing),
 * what may be shown beside it (network, last four, expiry month and year), and the number sealed
 * with the brand's payment key with the token id bound as associated data (PCI DSS 3.5.1.2). The
 * security code is never part of a token.
 */
export interface PaymentToken {
  id: string;
  brandId: string;
  cardBrand: string;
  lastFour: string;
  expMonth: number;
  expYear: number;
  createdAt: string;
  revokedAt: string | null;
}

/** The only principal that may open a token: the processor connector, inside this process. */
export const CONNECTOR_PRINCIPAL: Principal = { actor: { kind: 'system', id: 'payment-connector' }, isSecurityAdmin: false, roles: new Map() };

export async function createToken(vault: Vault, tx: Queryable, t: { brandId: string; pan: Buffer; expiry: string; sessionId: string; now: Date }): Promise<string> {
  const id = `tok_${randomBytes(18).toString('base64url')}`;
  const sealed = await vault.encrypt(tx, paymentScope(t.brandId), id, t.pan);
  const digits = t.pan.toString('latin1');
  await tx.query(
    `INSERT INTO payment_tokens (id, brand_id, card_sealed, card_brand, last_four, exp_month, exp_year, session_id, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [id, t.brandId, sealed, cardBrandOf(digits), digits.slice(-4), Number(t.expiry.slice(0, 2)), 2000 + Number(t.expiry.slice(2, 4)), t.sessionId, t.now],
  );
  return id;
}

interface TokenRow {
  id: string;
  brand_id: string;
  card_brand: string;
  last_four: string;
  exp_month: number;
  exp_year: number;
  created_at: Date | string;
  revoked_at: Date | string | null;
}

const toToken = (r: TokenRow): PaymentToken => ({
  id: r.id,
  brandId: r.brand_id,
  cardBrand: r.card_brand,
  lastFour: r.last_four,
  expMonth: r.exp_month,
  expYear: r.exp_year,
  createdAt: new Date(r.created_at).toISOString(),
  revokedAt: r.revoked_at === null ? null : new Date(r.revoked_at).toISOString(),
});

/**
 * Opens a token for a charge. Only the connector principal may: no role, API key or admin holds
 * `payment.detokenize`, so no route can reach this with a person's or a machine's credentials.
 * The caller zeroes the returned Buffer after use.
 */
export async function detokenize(vault: Vault, q: Queryable, principal: Principal, id: string): Promise<{ token: PaymentToken; pan: Buffer }> {
  if (principal.actor.kind !== 'system' || principal.actor.id !== CONNECTOR_PRINCIPAL.actor.id) throw paymentErrors.not_found('Token not found');
  const { rows } = await q.query<TokenRow & { card_sealed: Uint8Array }>('SELECT * FROM payment_tokens WHERE id = $1 AND revoked_at IS NULL', [id]);
  const r = rows[0];
  if (!r) throw paymentErrors.not_found('Token not found');
  return { token: toToken(r), pan: await vault.decrypt(q, paymentScope(r.brand_id), r.id, Buffer.from(r.card_sealed)) };
}
