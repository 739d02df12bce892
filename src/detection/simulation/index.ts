/** A simulator of contact-center audit traffic with labelled attacks, and its scoring. */
export { simulate } from './simulate.js';
export type { Simulation, SimulationOptions } from './simulate.js';
export { evaluate, formatReport } from './evaluate.js';
export type { EvaluationReport, KindReport } from './evaluate.js';
export { SCENARIO_KINDS } from './scenarios.js';
export type { ScenarioKind, ScenarioLabel } from './scenarios.js';
