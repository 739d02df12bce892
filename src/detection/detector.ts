import { ActorAlerts, ALERT_OPEN_MS, type Alert } from './alerts.js';
import {
  isBreakGlassRequest,
  isDenied,
  isMfaFailure,
  isPasswordFailure,
  isPaymentAbandoned,
  isPaymentStart,
  isRecordRead,
  networksOf,
} from './classify.js';
import { directoryKey, type Directory } from './directory.js';
import type { DetectionEvent } from './events.js';
import { ActorProfile, PeerGroup } from './profile.js';
import { RULES, type Rule, type Signal } from './rules/index.js';

export interface DetectorOptions {
  directory?: Directory;
  rules?: readonly Rule[];
}

export interface Detector {
  /** Scores one event (events in time order); returns the alerts it raised, usually none. */
  observe(event: DetectionEvent): Alert[];
  /** Every alert raised so far, with the evidence gathered while it was open. */
  alerts(): Alert[];
  /**
   * Alerts raised or grown (new evidence, reasons, a higher score) since the last call: what a
   * store of alerts must write after a batch of events.
   */
  takeChanged(): Alert[];
  readonly stats: { events: number; actors: number; peerGroups: number };
}

/**
 * The unusual-access detector: per-actor and per-peer-group baselines learned from the audit
 * stream, rules that compare each event with them, and alerts made of the rules' signals. Pure
 * and synchronous: the server feeds it the audit trail, `callvault anomalies` a JSONL file.
 *
 *   const d = createDetector({ directory });
 *   for (const e of events) for (const alert of d.observe(e)) notify(alert);
 */
export function createDetector(options: DetectorOptions = {}): Detector {
  const directory = options.directory ?? new Map();
  const rules = options.rules ?? RULES;
  const profiles = new Map<string, ActorProfile>();
  const alertsOf = new Map<string, ActorAlerts>();
  const groups = new Map<string, PeerGroup>();
  const raised: Alert[] = [];
  const changed = new Set<Alert>();
  const stats = { events: 0, actors: 0, peerGroups: 0 };

  /** Anonymous sign-in failures are tracked per address, so guessing across accounts shows. */
  function actorOf(e: DetectionEvent): { kind: string; id: string } | null {
    if (e.actor.kind === 'user' || e.actor.kind === 'api_key') return e.actor;
    // The platform records callers it does not know as system:unauthenticated.
    const anonymous = e.actor.kind === 'anonymous' || (e.actor.kind === 'system' && e.actor.id === 'unauthenticated');
    if (anonymous && e.ip) return { kind: 'network', id: e.ip };
    return null;
  }

  function peerGroupsOf(p: ActorProfile): PeerGroup[] {
    if (p.kind === 'network') return [];
    const out: PeerGroup[] = [];
    let any = false;
    for (const b of p.memberBrands()) {
      any = true;
      out.push(group(`${p.role}|${b}`));
    }
    if (!any) out.push(group(`${p.role}|*`));
    return out;
  }

  function group(key: string): PeerGroup {
    let g = groups.get(key);
    if (!g) {
      g = new PeerGroup(key);
      groups.set(key, g);
      stats.peerGroups++;
    }
    return g;
  }

  function record(p: ActorProfile, e: DetectionEvent, peers: PeerGroup[]): void {
    const at = e.at;
    p.countRequest(e.id);
    if (isRecordRead(e)) p.countRead(`${e.target!.type}:${e.target!.id}`, e.id);
    if (isDenied(e)) {
      p.denials.push(at, e.id, e.brandId);
      if (e.brandId !== null && !(p.assignedBrands ?? p.brands).has(e.brandId)) p.denialsDay.push(at, e.id, e.brandId);
    }
    if (isPasswordFailure(e)) {
      p.passwordFailures.push(at, e.id);
      p.recentFailures.push(at, e.id);
    }
    if (isMfaFailure(e)) {
      p.mfaFailures.push(at, e.id);
      p.recentFailures.push(at, e.id);
    }
    if (isBreakGlassRequest(e)) {
      p.breakGlassDay.push(at, e.id);
      p.breakGlassWeek.push(at, e.id);
      p.noteBreakGlass(at, peers);
    }
    if (isPaymentStart(e)) p.paymentStarts.push(at, e.id);
    if (isPaymentAbandoned(e)) {
      p.paymentsAbandoned.push(at, e.id);
      p.noteAbandoned(at, peers);
    }
    for (const w of [p.denials, p.denialsDay, p.passwordFailures, p.mfaFailures, p.recentFailures, p.breakGlassDay, p.breakGlassWeek, p.paymentStarts, p.paymentsAbandoned]) {
      w.prune(at);
    }
  }

  function learn(p: ActorProfile, e: DetectionEvent, peers: PeerGroup[]): void {
    const nets = networksOf(e.ip);
    // A network is learned only once someone got in from it (a failed guess does not make it known).
    if (nets && e.outcome === 'success') {
      p.networksWide.add(nets.wide);
      p.networksNarrow.add(nets.narrow);
    }
    if (e.outcome !== 'success') return;
    if (!p.actions.has(e.action)) {
      p.actions.add(e.action);
      for (const g of peers) {
        let s = g.doneBy.get(e.action);
        if (!s) g.doneBy.set(e.action, (s = new Set()));
        s.add(p.key);
      }
    }
    if (e.brandId !== null) p.brands.add(e.brandId);
    for (const g of peers) g.members.add(p.key);
  }

  return {
    stats,
    observe(e) {
      stats.events++;
      const actor = actorOf(e);
      if (!actor) return [];
      const key = directoryKey(actor.kind, actor.id);
      let p = profiles.get(key);
      if (!p) {
        p = new ActorProfile(key, actor.kind, actor.id, directory.get(key), e.at);
        profiles.set(key, p);
        stats.actors++;
      }
      const peers = peerGroupsOf(p);
      p.advance(e.at, peers);
      record(p, e, peers);
      const signals: Signal[] = [];
      for (const rule of rules) {
        const s = rule.check({ event: e, profile: p, peers });
        if (s) signals.push(s);
      }
      learn(p, e, peers);
      if (signals.length === 0) return [];
      let a = alertsOf.get(key);
      if (!a) alertsOf.set(key, (a = new ActorAlerts(actor, p.role)));
      const alert = a.add(e.at, e.brandId, signals);
      if (a.open) changed.add(a.open);
      if (!alert) return [];
      // What the actor does while under an alert must not become its new normal.
      p.frozenUntil = e.at + ALERT_OPEN_MS;
      raised.push(alert);
      return [alert];
    },
    alerts: () => raised,
    takeChanged() {
      const out = [...changed];
      changed.clear();
      return out;
    },
  };
}
