import { isLoginSuccess, isMfaFailure, isPasswordFailure } from '../classify.js';
import { clampScore, type Rule, type Signal } from './types.js';

/**
 * Password and MFA failures on one account: guessing, or a stolen password stopped at the second
 * factor. A success right after a run of failures is the moment it may have worked.
 */
export const loginFailures: Rule = {
  id: 'login_failures',
  check({ event, profile }): Signal | null {
    // One address is shared by a whole office behind NAT: failures for unknown accounts from it
    // need a larger run than failures on one account.
    const least = profile.kind === 'network' ? 15 : 5;
    if (isPasswordFailure(event) && profile.passwordFailures.size >= least) {
      const n = profile.passwordFailures.size;
      const what = profile.kind === 'network' ? 'failed sign-ins from this address' : 'failed sign-ins';
      return { rule: this.id, score: clampScore(70 + 10 * (n - least)), reason: `${n} ${what} in 15 minutes`, evidence: profile.passwordFailures.lastIds(20) };
    }
    if (isMfaFailure(event) && profile.mfaFailures.size >= 3) {
      const n = profile.mfaFailures.size;
      return { rule: this.id, score: clampScore(70 + 10 * (n - 3)), reason: `${n} failed MFA checks in 15 minutes`, evidence: profile.mfaFailures.lastIds(20) };
    }
    if (isLoginSuccess(event) && profile.recentFailures.size >= 3) {
      return { rule: this.id, score: 35, reason: `signed in after ${profile.recentFailures.size} failures in 30 minutes`, evidence: [...profile.recentFailures.lastIds(19), event.id] };
    }
    return null;
  },
};
