import type { AuthResult } from '../types.js';
import { AuthCard } from './AuthCard.js';
import { PasskeyEnrollment } from './PasskeyEnrollment.js';
import { TotpEnrollment } from './TotpEnrollment.js';

/** First sign-in without a second factor: enrollment is required before the console opens. */
export function MfaEnrollment({ onEnrolled, onCancel }: { onEnrolled: (result: AuthResult) => void; onCancel: () => void }) {
  return (
    <AuthCard title="Set up two-factor sign-in">
      <p>Your account needs a second factor. Choose an authenticator app, a passkey, or both.</p>
      <section aria-labelledby="enroll-totp">
        <h2 id="enroll-totp">Authenticator app</h2>
        <TotpEnrollment onDone={onEnrolled} />
      </section>
      <section aria-labelledby="enroll-passkey">
        <h2 id="enroll-passkey">Passkey</h2>
        <PasskeyEnrollment onDone={onEnrolled} />
      </section>
      <p>
        <button type="button" className="link" onClick={onCancel}>
          Cancel and sign out
        </button>
      </p>
    </AuthCard>
  );
}
