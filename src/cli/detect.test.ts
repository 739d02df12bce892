import { Readable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { detectStream } from './detect.js';

async function run(lines: string[]): Promise<{ out: unknown[]; failed: number; stderr: string }> {
  const out: string[] = [];
  let stderr = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const failed = await detectStream(Readable.from([lines.join('\n') + '\n']), (l) => out.push(l));
    return { out: out.map((l) => JSON.parse(l) as unknown), failed, stderr };
  } finally {
    spy.mockRestore();
  }
}

describe('callvault detect (JSONL contract)', () => {
  it('writes one line per input line, in order, with turn only for turns input', async () => {
    const { out, failed } = await run([
      JSON.stringify({ id: 'c1', text: 'my card is 4111 1111 1111 1111' }),
      JSON.stringify({ id: 'c2', turns: [{ speaker: 'agent', text: 'Card number?' }, { speaker: 'customer', text: '4111 1111 1111 1111' }], gold: [] }),
    ]);
    expect(failed).toBe(0);
    expect(out).toEqual([
      { id: 'c1', entities: [{ type: 'CREDIT_CARD', start: 11, end: 30, score: 1 }] },
      { id: 'c2', entities: [{ type: 'CREDIT_CARD', start: 0, end: 19, turn: 1, score: 1 }] },
    ]);
  });

  it('answers a bad line with an error line and names only its number on stderr', async () => {
    const secret = '{"id": "x", "text": "4111 1111 1111 1111"';
    const { out, failed, stderr } = await run([secret, JSON.stringify({ id: 'ok', text: 'hello' }), JSON.stringify({ id: 'n', turns: [{}] })]);
    expect(failed).toBe(2);
    expect(out).toEqual([
      { id: null, entities: [], error: 'not valid JSON' },
      { id: 'ok', entities: [] },
      { id: 'n', entities: [], error: 'a turn has no text' },
    ]);
    expect(stderr).toContain('line 1');
    expect(stderr).toContain('line 3');
    expect(stderr).not.toContain('4111');
  });
});
