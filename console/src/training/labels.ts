import type { TrainingStatus } from '../types.js';

export const STATUS_LABEL: Record<TrainingStatus, string> = {
  current: 'Current',
  expiring: 'Expiring soon',
  expired: 'Expired',
  missing: 'Missing',
};
