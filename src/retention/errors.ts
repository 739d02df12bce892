import { errorCodes } from '../errors.js';

export const retentionErrors = errorCodes('retention', {
  brand_not_found: ['not_found', 'Brand not found'],
  call_not_found: ['not_found', 'Call not found in this brand'],
  hold_not_found: ['not_found', 'Legal hold not found'],
  hold_exists: ['conflict', 'This case already holds that brand or call'],
  hold_released: ['conflict', 'The legal hold was already released'],
  below_floor: ['invalid_input', 'auditEvents: PCI DSS 10.5.1 requires audit events to be kept at least 365 days'],
});
