import { errorCodes } from '../errors.js';

/** Calls: ingest, review, policies, break-glass. Messages carry ids at most, never content. */
export const callErrors = errorCodes('calls', {
  not_found: ['not_found', 'Call not found'],
  not_ready: ['conflict', 'The call is not redacted yet'],
  no_recording: ['not_found', 'The call has no recording'],
  bad_transcript: ['invalid_input', 'The transcript could not be read'],
  bad_metadata: ['invalid_input', 'Invalid call metadata'],
  bad_request: ['invalid_input', 'Invalid request'],
  idempotency_conflict: ['conflict', 'This Idempotency-Key was already used for a different call'],
  too_large: ['payload_too_large', 'The upload is too large'],
  bad_policy: ['invalid_input', 'Invalid redaction policy'],
  original_not_kept: ['not_found', 'No original of this call was kept'],
  no_grant: ['forbidden', 'Break-glass access to this original is needed, or has expired'],
});
