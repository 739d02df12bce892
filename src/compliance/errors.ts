import { errorCodes } from '../errors.js';

export const complianceErrors = errorCodes('compliance', {
  brand_not_found: ['not_found', 'Brand not found'],
});
