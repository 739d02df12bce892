/**
 * The one error hierarchy. Each module declares its codes as data; the HTTP error handler maps a
 * kind to a status in one place and answers `{ error: code, message, requestId }`. Messages are
 * written for people and never carry customer data, secrets or SQL: ids only.
 */
export type ErrorKind =
  | 'invalid_input' // 400
  | 'unauthenticated' // 401
  | 'forbidden' // 403
  | 'not_found' // 404
  | 'conflict' // 409
  | 'payload_too_large' // 413
  | 'locked' // 423
  | 'rate_limited' // 429
  | 'unavailable' // 503
  | 'internal'; // 500

export class CallvaultError extends Error {
  override name = 'CallvaultError';
  constructor(
    readonly kind: ErrorKind,
    /** Stable, module-prefixed code, e.g. `auth.invalid_credentials`. */
    readonly code: string,
    message: string,
    /** Seconds a client should wait (rate limits, lockout). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** Builds a module's error factory from its declared codes: `const err = errorCodes({ locked: ['locked', 'Account locked'] })`. */
export function errorCodes<const T extends Record<string, readonly [ErrorKind, string]>>(
  module: string,
  codes: T,
): { [K in keyof T]: (message?: string, retryAfterSeconds?: number) => CallvaultError } {
  const out = {} as { [K in keyof T]: (message?: string, retryAfterSeconds?: number) => CallvaultError };
  for (const [key, [kind, defaultMessage]] of Object.entries(codes)) {
    out[key as keyof T] = (message?: string, retryAfterSeconds?: number) =>
      new CallvaultError(kind, `${module}.${key}`, message ?? defaultMessage, retryAfterSeconds);
  }
  return out;
}

export const HTTP_STATUS: Record<ErrorKind, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  locked: 423,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};
