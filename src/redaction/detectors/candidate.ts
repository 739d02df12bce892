import type { Candidate, EntityType } from '../types.js';

/** Small builder so every numeric detector reports candidates the same way. */
export function candidate(
  type: EntityType,
  turn: number,
  start: number,
  end: number,
  pattern: string,
  baseScore: number,
  extra: { contextBoost?: number; validated?: boolean; notes?: string[]; entityId?: string } = {},
): Candidate {
  const c: Candidate = { type, turn, start, end, pattern, baseScore };
  if (extra.contextBoost !== undefined) c.contextBoost = extra.contextBoost;
  if (extra.validated !== undefined) c.validated = extra.validated;
  if (extra.notes !== undefined && extra.notes.length > 0) c.notes = extra.notes;
  if (extra.entityId !== undefined) c.entityId = extra.entityId;
  return c;
}
