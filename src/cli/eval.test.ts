import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EVAL_DATA, evaluateFile } from './eval.js';

// The scorer ships with the evaluation kit in ../shared, which a plain clone may not have beside it.
const SCORER = join(DEFAULT_EVAL_DATA, '..', 'score.mjs');
if (!existsSync(SCORER)) console.log(`[callvault tests] no evaluation kit at ${SCORER}: the eval command test is SKIPPED`);

describe.skipIf(!existsSync(SCORER))('callvault eval', () => {
  it('scores a gold file with the shared scorer, pairing by line when ids repeat', async () => {
    const scorer = await import(pathToFileURL(SCORER).href);
    const text = 'my social is 123-45-6789';
    const line = { id: 'x', text, gold: [{ type: 'SSN', start: 13, end: 24, text: '123-45-6789', entity: 'e1' }] };
    const file = join(mkdtempSync(join(tmpdir(), 'callvault-eval-')), 'two-views.jsonl');
    writeFileSync(file, `${JSON.stringify(line)}\n${JSON.stringify({ ...line, text: 'nothing here', gold: [] })}\n`);
    const { report, byLine } = await evaluateFile(scorer, file);
    expect(byLine).toBe(true);
    const r = report as { overall: { gold: number; leak_recall: number }; types: Record<string, { gold: number }> };
    expect(r.types.SSN!.gold).toBe(1);
    expect(r.overall.leak_recall).toBe(1);
  });
});
