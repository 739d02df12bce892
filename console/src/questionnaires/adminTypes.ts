/** The reviewer's side of docs/api.md "Vendor questionnaires": the server's own view types, so the two cannot drift. */
export type { QuestionnaireView, NewLink, LinkState } from '../../../src/questionnaires/views.js';
export type { QuestionnaireStatus } from '../../../src/questionnaires/questionnaires-data.js';
export type { Finding, Severity } from '../../../src/questionnaires/engine/index.js';
