import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, copyFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../redaction/index.js';
import { formatSummary, runRedact } from './redact-run.js';

const FIXTURES = new URL('../redaction/formats/fixtures/', import.meta.url);
const CARD = '4111 1111 1111 1111';

function sink(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  return {
    stream: new Writable({ write: (c, _e, cb) => (chunks.push(String(c)), cb()) }),
    text: () => chunks.join(''),
  };
}
const io = (stdin: NodeJS.ReadableStream = new PassThrough()) => {
  const out = sink();
  const err = sink();
  return { io: { stdin, stdout: out.stream, stderr: err.stream, progress: false }, out, err };
};

function tree(): { input: string; out: string } {
  const root = mkdtempSync(join(tmpdir(), 'callvault-redact-'));
  const input = join(root, 'in');
  mkdirSync(join(input, 'calls', 'aws'), { recursive: true });
  for (const f of ['call.txt', 'chat.json', 'call.vtt']) copyFileSync(new URL(f, FIXTURES), join(input, 'calls', f));
  copyFileSync(new URL('aws-channels.json', FIXTURES), join(input, 'calls', 'aws', 'job-1.json'));
  writeFileSync(join(input, 'broken.json'), `{"turns": [{"text": "card ${CARD}"`);
  writeFileSync(
    join(input, 'archive.jsonl'),
    [
      JSON.stringify({ id: 'c1', turns: [{ speaker: 'agent', text: "What's the card number?" }, { speaker: 'customer', text: CARD }] }),
      `{"id": "c2", "text": "${CARD}`,
      JSON.stringify({ id: 'c3', text: 'the order ships tomorrow' }),
    ].join('\n') + '\n',
  );
  writeFileSync(join(input, 'notes.csv'), 'not a transcript');
  return { input, out: join(root, 'out') };
}

describe('callvault redact', () => {
  it('redacts a directory recursively, reports bad files and lines by name and number only, goes on', async () => {
    const { input, out } = tree();
    const t = io();
    const o = await runRedact(input, createRedactor(), { out, strict: false }, t.io);
    expect(o.files).toBe(6);
    expect(o.skipped).toBe(1);
    expect(o.failures).toBe(2);
    const errors = t.err.text();
    expect(errors).toContain('error: broken.json: ');
    expect(errors).toContain('error: archive.jsonl:2: ');
    expect(errors).not.toContain('4111');
    for (const f of ['calls/call.txt', 'calls/chat.json', 'calls/call.vtt', 'calls/aws/job-1.json', 'archive.jsonl']) {
      expect(readFileSync(join(out, f), 'utf8')).not.toContain('4111');
    }
    expect(existsSync(join(out, 'broken.json'))).toBe(false);
    const lines = readFileSync(join(out, 'archive.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['c1', 'c3']);
    expect(lines[1].text).toBe('the order ships tomorrow');
    const spans = JSON.parse(readFileSync(join(out, 'calls/aws/job-1.json.timespans.json'), 'utf8'));
    expect(spans.spans.some((s: { type: string; channel: number }) => s.type === 'CREDIT_CARD' && s.channel === 1)).toBe(true);
    expect(o.stats.byType.get('CREDIT_CARD')).toBeGreaterThanOrEqual(5);
    expect(formatSummary(o)).toMatch(/CREDIT_CARD\s+\d+/);
  });

  it('--strict stops at the first error', async () => {
    const { input, out } = tree();
    const o = await runRedact(input, createRedactor(), { out, strict: true }, io().io);
    expect(o.failures).toBe(1);
    expect(o.files).toBeLessThan(6);
  });

  it('reads stdin (-) and writes stdout; --format overrides detection', async () => {
    const stdin = new PassThrough();
    stdin.end(`Agent: What's the card number?\nCustomer: ${CARD}\n`);
    const t = io(stdin);
    const o = await runRedact('-', createRedactor(), { strict: false, format: 'text' }, t.io);
    expect(o.failures).toBe(0);
    expect(t.out.text()).toBe("Agent: What's the card number?\nCustomer: [CREDIT_CARD]\n");
  });

  it('a directory without --out is refused (never redacts in place)', async () => {
    await expect(runRedact(tree().input, createRedactor(), { strict: false }, io().io)).rejects.toThrow(/--out/);
  });
});
