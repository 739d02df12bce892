/**
 * callvault's unusual-access detector, usable on its own: baselines per actor and peer group
 * over audit events, rules with plain-language reasons, alerts with evidence (event ids), and a
 * simulator of contact-center audit traffic with labelled attacks to measure it on. Imports
 * nothing from the rest of callvault (a test checks it).
 */
export { createDetector } from './detector.js';
export type { Detector, DetectorOptions } from './detector.js';
export { parseEvent, EventFormatError } from './events.js';
export type { DetectionEvent } from './events.js';
export { buildDirectory } from './directory.js';
export type { Directory, DirectoryEntry } from './directory.js';
export { ALERT_THRESHOLD } from './alerts.js';
export type { Alert, Severity } from './alerts.js';
export { RULES } from './rules/index.js';
export type { Rule, RuleContext, Signal } from './rules/index.js';
