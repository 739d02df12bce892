import { useCallback, useEffect, useState } from 'react';
import { ApiError, api, whenSessionEnds } from './api.js';
import { LoginForm } from './auth/LoginForm.js';
import { MfaChallenge } from './auth/MfaChallenge.js';
import { MfaEnrollment } from './auth/MfaEnrollment.js';
import { PasswordChangeForm } from './auth/PasswordChangeForm.js';
import { Shell } from './shell/Shell.js';
import { QuestionnaireAnswerPage } from './questionnaires/QuestionnaireAnswerPage.js';
import type { AuthResult, Me, MfaMethod } from './types.js';
import { ErrorNotice } from './ui/ErrorNotice.js';

type Screen =
  | { kind: 'loading' }
  | { kind: 'error'; error: unknown }
  | { kind: 'login'; notice?: string }
  | { kind: 'password' }
  | { kind: 'mfa'; methods: MfaMethod[] }
  | { kind: 'enroll' }
  | { kind: 'app'; me: Me };

/**
 * The sign-in state machine. The server decides each next step (`status` of every auth answer);
 * the console only follows it, so it cannot skip a step the server still requires.
 */
export function App() {
  // A vendor answering through a questionnaire link has no account: that page opens before any
  // sign-in. Read once, so the hooks below run in the same order for the component's life.
  const [questionnaireToken] = useState(() => /^#\/questionnaire\/(cvq_[A-Za-z0-9_-]{43})$/.exec(window.location.hash)?.[1]);
  if (questionnaireToken) return <QuestionnaireAnswerPage token={questionnaireToken} />;
  const [screen, setScreen] = useState<Screen>({ kind: 'loading' });

  const loadMe = useCallback(async (notice?: string) => {
    try {
      setScreen({ kind: 'app', me: await api.me() });
    } catch (e) {
      if (e instanceof ApiError && (e.status === 401 || e.status === 403)) setScreen({ kind: 'login', notice });
      else setScreen({ kind: 'error', error: e });
    }
  }, []);

  const follow = useCallback(
    (r: AuthResult) => {
      switch (r.status) {
        case 'ok':
          void loadMe('Your session could not be opened. Sign in again.');
          break;
        case 'mfa_required':
          setScreen({ kind: 'mfa', methods: r.methods ?? [] });
          break;
        case 'mfa_enrollment_required':
          setScreen({ kind: 'enroll' });
          break;
        case 'password_change_required':
          setScreen({ kind: 'password' });
          break;
      }
    },
    [loadMe],
  );

  // On (re)load: a full session opens the console; a sign-in halfway through resumes its step.
  const resume = useCallback(async () => {
    try {
      const step = await api.status();
      if (step.status === 'ok') await loadMe();
      else follow(step);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) setScreen({ kind: 'login' });
      else setScreen({ kind: 'error', error: e });
    }
  }, [loadMe, follow]);

  useEffect(() => {
    void resume();
  }, [resume]);

  useEffect(() => {
    whenSessionEnds(() => setScreen({ kind: 'login', notice: 'Your session has ended. Sign in again.' }));
    return () => whenSessionEnds(undefined);
  }, []);

  const signOut = useCallback(async (everywhere = false) => {
    await (everywhere ? api.logoutAll() : api.logout()).catch(() => undefined);
    setScreen({ kind: 'login', notice: everywhere ? 'Signed out on every device.' : 'Signed out.' });
  }, []);

  switch (screen.kind) {
    case 'loading':
      return <p className="loading" role="status">Loading…</p>;
    case 'error':
      return (
        <main className="auth">
          <ErrorNotice error={screen.error} />
          <button type="button" onClick={() => void resume()}>
            Try again
          </button>
        </main>
      );
    case 'login':
      return <LoginForm notice={screen.notice} onResult={follow} />;
    case 'password':
      return <PasswordChangeForm onResult={follow} />;
    case 'mfa':
      return <MfaChallenge methods={screen.methods} onResult={follow} onCancel={() => void signOut()} />;
    case 'enroll':
      return (
<MfaEnrollment onEnrolled={follow} onCancel={() => void signOut()} />
      );
    case 'app':
      return <Shell me={screen.me} onSignOut={signOut} onRefresh={() => void loadMe()} />;
  }
}
