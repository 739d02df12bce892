/**
 * Security training records (PCI DSS 12.6): modules with a validity period, who completed what
 * and when, due dates (current / expiring / expired / missing), and the modules a brand requires
 * before anyone gets a role on it — enforced by access through the assignment gate below, which
 * the composition root hands to access (access never imports training).
 *
 *   const training = createTrainingService({ db, audit, now })
 *   createAccessServices({ ..., assignmentGate: trainingAssignmentGate(now) })
 *   trainingEvidence(q, brandId, now) -> TrainingEvidence (compliance report)
 */
export { createTrainingService, type TrainingService, type TrainingDeps, type ModuleStatus, type BrandTraining, type CompletionView } from './service.js';
export { trainingAssignmentGate } from './gate.js';
export { trainingEvidence, type TrainingEvidence } from './evidence.js';
export { trainingRoutes } from './routes.js';
export { trainingErrors } from './errors.js';
export { trainingStatus, addMonths, TRAINING_STATUSES, type TrainingStatus } from './status.js';
export type { TrainingModule } from './training-data.js';
