import { isRecordRead } from '../classify.js';
import { HOUR_MS } from '../profile.js';
import type { Rule, Signal } from './types.js';

/** Below this share of active days (hour ± 1), an hour is outside the actor's working pattern. */
const RARE_SHARE = 0.04;

/**
 * Activity at an hour this person does not work (their own pattern, in UTC, with the hours either
 * side counted so a late finish or a daylight-saving shift is not "off hours"). Weak alone —
 * people cover shifts — stronger when customer records are read.
 */
export const offHours: Rule = {
  id: 'off_hours',
  check({ event, profile, peers }): Signal | null {
    if (profile.kind !== 'user') return null;
    const h = Math.floor(event.at / HOUR_MS) % 24;
    let share: number;
    let whose: string;
    if (profile.activeDays >= 7) {
      // The current day is already counted in hourDays; leave it out of the share.
      share = (profile.hourShare(h) * profile.activeDays - 1) / Math.max(1, profile.activeDays - 1);
      whose = 'this user';
    } else {
      const g = peers.find((p) => p.memberDays >= 50);
      if (!g) return null;
      share = (g.hourDays[(h + 23) % 24]! + g.hourDays[h]! + g.hourDays[(h + 1) % 24]!) / g.memberDays;
      whose = 'peers';
      if (share >= RARE_SHARE / 2) return null;
    }
    if (share >= RARE_SHARE) return null;
    const reading = isRecordRead(event) && profile.currentReads >= 5;
    return {
      rule: this.id,
      score: reading ? 45 : 30,
      reason: `active at ${String(h).padStart(2, '0')}:00 UTC, an hour ${whose} worked on ${Math.round(Math.max(0, share) * 100)} % of days${reading ? `, ${profile.currentReads} records read this hour` : ''}`,
      evidence: [event.id],
    };
  },
};
