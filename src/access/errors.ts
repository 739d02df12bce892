import { errorCodes } from '../errors.js';

/**
 * Sign-in, MFA, sessions and API key tokens. Messages never say WHICH of email or password was
 * wrong (no account enumeration) and never carry the submitted values.
 */
export const authErrors = errorCodes('auth', {
  invalid_credentials: ['unauthenticated', 'Email or password is incorrect'],
  locked: ['locked', 'Account temporarily locked after too many failed attempts'],
  rate_limited: ['rate_limited', 'Too many attempts; try again later'],
  suspended: ['forbidden', 'This account is suspended; ask your security administrator'],
  unauthenticated: ['unauthenticated', 'Sign in first'],
  session_expired: ['unauthenticated', 'Session expired; sign in again'],
  wrong_step: ['forbidden', 'This step is not available in the current sign-in state'],
  mfa_invalid: ['unauthenticated', 'The verification code is not valid'],
  mfa_not_enrolled: ['invalid_input', 'This MFA method is not set up for the account'],
  enrollment_pending: ['invalid_input', 'Start the enrollment first'],
  webauthn_invalid: ['unauthenticated', 'The passkey response could not be verified'],
  challenge_expired: ['unauthenticated', 'The passkey challenge expired or was already used'],
  weak_password: ['invalid_input', 'The new password does not meet the password rules'],
  invalid_api_key: ['unauthenticated', 'API key invalid, expired or revoked'],
});

/** Administration of brands, users and API keys. */
export const accessErrors = errorCodes('access', {
  forbidden: ['forbidden', 'Not allowed'],
  brand_not_found: ['not_found', 'Brand not found'],
  user_not_found: ['not_found', 'User not found'],
  api_key_not_found: ['not_found', 'API key not found'],
  email_taken: ['conflict', 'A user with this email already exists'],
  brand_name_taken: ['conflict', 'A brand with this name already exists'],
  invalid_input: ['invalid_input', 'Invalid input'],
  // The message lists the missing module ids (never who the user is): see AccessDeps.assignmentGate.
  training_required: ['conflict', 'The brand requires current training the user has not completed'],
});
