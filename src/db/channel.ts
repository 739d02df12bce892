// Channel names are spliced into LISTEN statements (they cannot be bound parameters), so only
// plain lowercase identifiers are accepted.
const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;

export function assertChannel(channel: string): void {
  if (!CHANNEL.test(channel)) throw new TypeError('a notification channel must be a lowercase SQL identifier');
}
