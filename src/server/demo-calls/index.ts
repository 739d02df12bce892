import type { Principal } from '../../access/principal.js';
import type { CallServices } from '../../calls/index.js';
import { renderDemoCall } from './render.js';
import { DEMO_SCRIPTS } from './scripts.js';

const FIRST_START: Principal = { actor: { kind: 'system', id: 'first-start' }, isSecurityAdmin: false, roles: new Map() };

async function* once(b: Buffer) {
  yield b;
}

/**
 * First start: the demo brand's dozen sample calls, ingested like any platform's calls (stored
 * sealed, redaction queued), so a newcomer sees redacted calls, waveforms and masked keypad tones
 * within seconds. Idempotency keys make a repeated seed harmless.
 */
export async function seedDemoCalls(calls: CallServices, brandId: string, now = new Date()): Promise<number> {
  for (const script of DEMO_SCRIPTS) {
    const { transcript, recording, durationSeconds } = renderDemoCall(script);
    const startedAt = new Date(now.getTime() - script.minutesAgo * 60_000);
    await calls.ingest.ingest(FIRST_START, brandId, {
      metadata: { externalId: script.id, agentRef: script.agent, startedAt, endedAt: new Date(startedAt.getTime() + durationSeconds * 1000), channels: 2 },
      transcript,
      format: 'conversation',
      recording: once(recording),
      idempotencyKey: `demo:${script.id}`,
    });
  }
  return DEMO_SCRIPTS.length;
}
