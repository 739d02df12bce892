import type { Role } from '../access/index.js';
import { CSRF, operator, post, sessionCookieOf, signInFirstTime, totpCode, type TestServer } from '../http/http.test-helpers.js';

export interface Person {
  id: string;
  email: string;
  password: string;
  secret?: string;
  cookie: string;
}

/** Creates a person through the real services and signs them in over HTTP (MFA enrolled when their role needs it). */
export async function person(t: TestServer, tag: string, assignments: { brandId: string; role: Role }[], isSecurityAdmin = false): Promise<Person> {
  const email = `${tag}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}@example.test`;
  const created = await t.services.access.users.create(operator, { email, displayName: `Person ${tag}`, isSecurityAdmin, assignments });
  const password = `${tag} passphrase for tests 1`;
  const s = await signInFirstTime(t, email, created.oneTimePassword, password);
  return { id: created.user.id, email, password, ...(s.totpSecret && { secret: s.totpSecret }), cookie: s.cookie };
}

/** Sessions end after 12 hours: after the test clock jumps, people sign in again (a fresh TOTP step). */
export async function signInAgain(t: TestServer, p: Person): Promise<void> {
  t.clock.advance(30);
  const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: CSRF, payload: { email: p.email, password: p.password } });
  let cookie = sessionCookieOf(login);
  if (!cookie) throw new Error(`login: ${login.statusCode}`);
  if (p.secret && login.json<{ status: string }>().status === 'mfa_required') {
    const mfa = await post(t, '/api/v1/auth/mfa/totp', cookie, { code: await totpCode(t, p.secret) });
    if (mfa.statusCode !== 200) throw new Error(`mfa: ${mfa.statusCode}`);
    cookie = sessionCookieOf(mfa) ?? cookie;
  }
  p.cookie = cookie;
}
