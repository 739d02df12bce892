import { FormatError, OperatorError, PolicyError } from '../redaction/index.js';

/**
 * A message about a failure that is safe to print: our own errors name a place and a rule, never
 * a value; anything else (a JSON.parse or I/O message can quote the input) is reduced to its kind.
 */
export function safeReason(err: unknown): string {
  if (err instanceof FormatError || err instanceof PolicyError || err instanceof OperatorError) return err.message;
  if (err instanceof SyntaxError) return 'not valid JSON';
  if (err instanceof RangeError) return 'invalid offsets';
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return `file system error ${code}`;
  return `redaction failed (${err instanceof Error ? err.name : 'error'})`;
}
