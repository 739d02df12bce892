import { errorCodes } from '../errors.js';

export const trainingErrors = errorCodes('training', {
  module_not_found: ['not_found', 'Training module not found'],
  module_exists: ['conflict', 'A training module with this id already exists'],
  user_not_found: ['not_found', 'User not found'],
  brand_not_found: ['not_found', 'Brand not found'],
  completed_in_future: ['invalid_input', 'completedAt: a completion cannot be in the future'],
});
