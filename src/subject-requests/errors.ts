import { errorCodes } from '../errors.js';

export const subjectRequestErrors = errorCodes('subject_request', {
  not_found: ['not_found', 'Data-subject request not found'],
  brand_not_found: ['invalid_input', 'brandId: no such brand'],
  no_identifier: ['invalid_input', 'identifiers: give at least one phone number, email, name or account number that is not blank'],
  bad_status: ['conflict', 'The request is not in a state that allows this'],
  wrong_kind: ['conflict', 'This action does not apply to the kind of request (export: access / know; erase: erasure / delete)'],
  no_more_extensions: ['conflict', 'The deadline cannot be extended further (GDPR: two months in all; CCPA: one 45-day extension)'],
  held: ['conflict', 'Every call found is under a legal hold: nothing was erased (the request lists the held calls)'],
  received_in_future: ['invalid_input', 'receivedAt: must not be in the future'],
  not_finished: ['conflict', 'The certificate is issued once the request is closed or rejected'],
});
