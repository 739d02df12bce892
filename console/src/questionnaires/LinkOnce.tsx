import { SecretOnce } from '../ui/SecretOnce.js';
import { formatTime } from '../ui/format.js';
import type { NewLink } from './adminTypes.js';

/**
 * A questionnaire link just made. The token in it is the vendor's only credential and the server
 * keeps only its hash, so it is shown this once; no e-mail is sent, the admin passes it on.
 */
export function LinkOnce({ link, onDone }: { link: NewLink; onDone: () => void }) {
  return (
    <SecretOnce title="Link for the vendor contact" copyText={link.url} onDone={onDone} doneLabel="I have sent it">
      <code data-testid="questionnaire-link">{link.url}</code>
      <p className="hint">Valid until {formatTime(link.expiresAt)}. Anyone with the link can answer for the vendor: send it only to the vendor's contact.</p>
    </SecretOnce>
  );
}
