/**
 * The questionnaire engine: pure (no database, no I/O), used by the server and by the console's
 * answering page alike, so both show and check the same questions.
 *
 *   const def = parseDefinition(json);
 *   const shown = visibleQuestions(def, answers, now);
 *   const errors = validateAnswers(def, answers, { complete: true, now });
 *   const findings = findingsOf(def, answers, now); const score = riskScore(def, findings);
 */
export { conditionSchema, definitionShape, QUESTION_TYPES, SEVERITIES, type Condition, type Definition, type DefinitionInput, type FindingRule, type Question, type QuestionType, type Section, type Severity } from './definition.js';
export { evaluate, referencedQuestions, type AnswerValue, type Answers } from './conditions.js';
export { DefinitionError, parseDefinition, questionsOf } from './parse.js';
export { pruneHidden, visibleQuestions } from './visibility.js';
export { validateAnswers, type AnswerError, type AnswerErrorCode } from './validate.js';
export { DEFAULT_WEIGHTS, findingsOf, riskLevel, riskScore, type Finding } from './scoring.js';
export { definitionJsonSchema } from './json-schema.js';
