import { z } from 'zod';
import { FORMAT_NAMES } from '../../redaction/index.js';

const Instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

/** What the platform sends about a call: its ids, times and channel count. */
export const CallMetadataIn = z.strictObject({
  externalId: z.string().trim().min(1).max(200),
  agentRef: z.string().trim().min(1).max(200).optional(),
  startedAt: Instant.optional(),
  endedAt: Instant.optional(),
  channels: z.number().int().min(1).max(8).optional(),
});

export const FormatIn = z.enum(FORMAT_NAMES);

export const CallSummaryOut = z.object({
  id: z.string(),
  brandId: z.string(),
  externalId: z.string(),
  agentRef: z.string().nullable(),
  startedAt: z.date().nullable(),
  endedAt: z.date().nullable(),
  channels: z.number().int(),
  sourceFormat: z.string(),
  hasRecording: z.boolean(),
  status: z.enum(['received', 'processing', 'ready', 'failed']),
  failureCode: z.string().nullable(),
  turnCount: z.number().int().nullable(),
  redactionCount: z.number().int().nullable(),
  redactionTypes: z.array(z.string()),
  sentiment: z.number().nullable(),
  durationSeconds: z.number().nullable(),
  originalKeptUntil: z.date().nullable(),
  createdAt: z.date(),
});

export const ReviewPartOut = z.union([z.object({ redacted: z.string(), text: z.string() }), z.object({ text: z.string() })]);

export const ReviewOut = z.object({
  format: z.string(),
  turns: z.array(
    z.object({
      speaker: z.string().nullable(),
      channel: z.number().int().nullable(),
      startTime: z.number().nullable(),
      endTime: z.number().nullable(),
      parts: z.array(ReviewPartOut),
      sentiment: z.number(),
    }),
  ),
  regions: z.array(z.object({ channel: z.number().int(), start: z.number(), end: z.number(), kind: z.enum(['speech', 'dtmf']), type: z.string().optional() })),
  waveform: z.object({ bucketSeconds: z.number(), channels: z.array(z.array(z.number())) }),
  counts: z.record(z.string(), z.number().int()),
});

export const ScorecardOut = z.object({ id: z.string(), reviewerId: z.string(), score: z.number().int(), notes: z.string(), createdAt: z.date() });

export const SettingsOut = z.object({
  brandId: z.string(),
  policy: z.unknown(),
  keepOriginalDays: z.number().int().nullable(),
  audioMode: z.enum(['silence', 'tone']),
  maskDtmf: z.boolean(),
  version: z.number().int(),
  updatedAt: z.date().nullable(),
});

export const CallIdParams = z.strictObject({ callId: z.uuid() });
export const BrandIdParams = z.strictObject({ brandId: z.uuid() });
