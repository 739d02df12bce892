import { describe, expect, it } from 'vitest';
import { EventFormatError, parseEvent } from './events.js';

describe('parseEvent', () => {
  const exported = {
    chainId: 'br_1',
    seq: 7,
    brandId: 'br_1',
    at: '2026-03-02T10:00:00.000Z',
    actor: { kind: 'user', id: 'usr_1' },
    action: 'call.read',
    target: { type: 'call', id: 'call_1' },
    outcome: 'success',
    ip: '81.2.69.10',
    userAgent: null,
    requestId: null,
    details: { status: 'ready' },
    hash: 'ab',
  };

  it('reads an event of `callvault audit export --format jsonl`, id from chain and seq', () => {
    const e = parseEvent(exported);
    expect(e.id).toBe('br_1:7');
    expect(e.at).toBe(Date.UTC(2026, 2, 2, 10));
  });

  it('names the bad field without echoing its value', () => {
    expect(() => parseEvent({ ...exported, at: 'secret-ish value' })).toThrow(EventFormatError);
    expect(() => parseEvent({ ...exported, at: 'secret-ish value' })).toThrow(/^at:/);
    try {
      parseEvent({ ...exported, at: 'secret-ish value' });
    } catch (e) {
      expect((e as Error).message).not.toContain('secret-ish');
    }
    expect(() => parseEvent({ ...exported, chainId: undefined, seq: undefined })).toThrow(/needs id/);
  });
});
