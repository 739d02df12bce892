/**
 * Vendor security questionnaires: a versioned definition (engine/, definitions/), sent to a vendor
 * as a time-limited link, answered without an account, scored into findings and a risk score,
 * and reviewed (accept → the vendor's next review date; ask again; reject).
 */
export { createQuestionnaireService, type QuestionnaireService, type QuestionnaireDeps } from './service.js';
export { createAnsweringService, type AnsweringService, type LinkQuestionnaire } from './answering.js';
export { questionnaireRoutes } from './routes.js';
export { questionnaireErrors } from './errors.js';
export { DEFAULT_DEFINITION, findDefinition } from './definitions/index.js';
export type { QuestionnaireView, NewLink } from './views.js';
export { questionnaireEvidence, type QuestionnaireEvidence } from './evidence.js';
