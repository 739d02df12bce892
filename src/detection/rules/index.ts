import { apiKeyRate } from './api-key-rate.js';
import { breakGlass } from './break-glass.js';
import { denials } from './denials.js';
import { firstSensitiveAction } from './first-sensitive-action.js';
import { loginFailures } from './login-failures.js';
import { newBrand } from './new-brand.js';
import { newNetwork } from './new-network.js';
import { offHours } from './off-hours.js';
import { paymentAbandonment } from './payment-abandonment.js';
import { recordBreadth } from './record-breadth.js';
import { recordVolume } from './record-volume.js';
import type { Rule } from './types.js';

export type { Rule, RuleContext, Signal } from './types.js';

/** Every rule, in the order their reasons are listed in an alert. */
export const RULES: readonly Rule[] = [
  recordVolume,
  recordBreadth,
  denials,
  loginFailures,
  apiKeyRate,
  breakGlass,
  paymentAbandonment,
  newNetwork,
  newBrand,
  firstSensitiveAction,
  offHours,
];
