import type { Queryable } from '../../db/types.js';
import type { Evidence } from '../types.js';

/** Column names that would mean sensitive authentication data or a clear PAN is stored. */
const SAD_COLUMN = /(cvv|cvc|cid|security_code|pin_block|track|pan_clear|card_number)/;
/** A run of digits long enough to be a PAN, in clear inside a sealed value (it should be ciphertext). */
const CLEAR_PAN = /[0-9]{13,19}/;
const TOKEN_SAMPLE = 5000;

/**
 * Card data at rest for the brand (PCI DSS 3.3.1, 3.4.1, 3.5.1): no column able to hold SAD or a
 * clear PAN in the payment tables, every stored masked card showing at most four digits in a row,
 * and every card token sealed (no clear digit run in its stored bytes).
 */
export async function cardDataEvidence(q: Queryable, brandId: string, now: Date): Promise<Evidence> {
  const { rows: cols } = await q.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name LIKE 'payment%'`,
  );
  const sadColumns = cols.filter((c) => SAD_COLUMN.test(c.column_name)).map((c) => `${c.table_name}.${c.column_name}`);
  const { rows: s } = await q.query<{ sessions: number; masked: number; unmasked: number }>(
    `SELECT count(*)::int AS sessions, count(masked_card)::int AS masked,
            count(*) FILTER (WHERE masked_card ~ '[0-9]{5}')::int AS unmasked
     FROM payment_sessions WHERE brand_id = $1`,
    [brandId],
  );
  const { rows: tokens } = await q.query<{ card_sealed: Buffer; revoked_at: Date | null }>(
    'SELECT card_sealed, revoked_at FROM payment_tokens WHERE brand_id = $1 ORDER BY created_at DESC LIMIT $2',
    [brandId, TOKEN_SAMPLE],
  );
  const clearTokens = tokens.filter((t) => CLEAR_PAN.test(Buffer.from(t.card_sealed).toString('latin1'))).length;
  const sessions = s[0] ?? { sessions: 0, masked: 0, unmasked: 0 };
  const gaps: string[] = [];
  if (sadColumns.length > 0) gaps.push(`payment tables have columns that could hold SAD or a clear PAN: ${sadColumns.join(', ')}`);
  if (sessions.unmasked > 0) gaps.push(`${sessions.unmasked} payment session(s) store more than four card digits in a row`);
  if (clearTokens > 0) gaps.push(`${clearTokens} card token(s) hold a clear digit run`);
  return {
    key: 'card_data',
    title: 'Card data at rest',
    source: 'payments: payment_sessions, payment_tokens; information_schema',
    status: gaps.length > 0 ? 'gap' : 'met',
    readAt: now.toISOString(),
    summary: `${sessions.sessions} payment session(s), ${sessions.masked} with a masked card; ${tokens.length} card token(s), all sealed${clearTokens > 0 ? ' except some' : ''}; no column for security codes`,
    figures: {
      paymentSessions: sessions.sessions,
      maskedCards: sessions.masked,
      unmaskedCards: sessions.unmasked,
      cardTokens: tokens.length,
      activeCardTokens: tokens.filter((t) => t.revoked_at === null).length,
      tokensWithClearDigits: clearTokens,
      sadColumns: sadColumns.length,
    },
    gaps,
  };
}
