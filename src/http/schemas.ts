import { z } from 'zod';

/** The one error shape (docs/api.md): a stable code, a message for people, the request id. */
export const ErrorBody = z.strictObject({ error: z.string(), message: z.string(), requestId: z.string() });

/** Body of a route that takes none: absent (Fastify gives null) or `{}`; any field is rejected. */
export const NoBody = z.strictObject({}).nullish();

/** An empty answer (204). */
export const Empty = z.undefined();

export const Uuid = z.uuid();

/** Timestamps leave the server as ISO 8601 strings. */
export const Timestamp = z.date().transform((d) => d.toISOString());

/** WebAuthn options/responses are defined by the WebAuthn spec and checked by @simplewebauthn; passed through as JSON. */
export const WebAuthnJson = z.record(z.string(), z.unknown());
