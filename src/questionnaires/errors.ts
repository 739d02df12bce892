import { errorCodes } from '../errors.js';

export const questionnaireErrors = errorCodes('questionnaire', {
  not_found: ['not_found', 'Questionnaire not found'],
  vendor_not_found: ['not_found', 'Vendor not found'],
  vendor_revoked: ['conflict', 'The vendor is revoked; it cannot be sent a questionnaire'],
  already_open: ['conflict', 'The vendor already has a questionnaire waiting for answers or review'],
  bad_state: ['conflict', 'The questionnaire is not in a state that allows this'],
  link_not_found: ['not_found', 'This questionnaire link is not valid. Check that it was copied whole, or ask for a new one.'],
  link_expired: ['forbidden', 'This questionnaire link has expired. Ask your contact for a new one.'],
  link_used: ['conflict', 'These answers were already submitted; the link cannot be used again.'],
  link_replaced: ['conflict', 'This link was replaced by a newer one. Use the latest link you were sent.'],
  invalid_answers: ['invalid_input', 'The answers do not fit the questionnaire'],
  rate_limited: ['rate_limited', 'Too many requests; try again later'],
});
