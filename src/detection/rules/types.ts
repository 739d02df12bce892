import type { DetectionEvent } from '../events.js';
import type { ActorProfile, PeerGroup } from '../profile.js';

/**
 * One finding about one event: how suspicious (0–100; the detector raises an alert when an
 * actor's signals of the last two hours add up to 70), why in plain language, and which events
 * show it. Reasons name counts, brands and networks — never customer data.
 */
export interface Signal {
  rule: string;
  score: number;
  reason: string;
  evidence: string[];
}

export interface RuleContext {
  event: DetectionEvent;
  profile: ActorProfile;
  /** The actor's peer groups: its role in each of its brands. */
  peers: PeerGroup[];
}

/** A detection rule: one file each under rules/, looking at the event with the actor's memory. */
export interface Rule {
  readonly id: string;
  check(ctx: RuleContext): Signal | null;
}

/** Scores saturate: the part above the alerting level grows slowly, so one rule cannot hide the others. */
export const clampScore = (s: number): number => Math.round(Math.max(0, Math.min(100, s)));
