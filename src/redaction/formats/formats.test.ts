import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AppliedEdit } from '../operators/apply.js';
import { detectFormat, readDocument } from './detect.js';
import { redactedTimeSpans } from './timespans.js';
import type { FormatName, ParsedDocument } from './types.js';
import { spliceEdits } from './words.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

const CASES: { file: string; format: FormatName; json: boolean; timed: 'word' | 'cue' | false; turns: number }[] = [
  { file: 'call.txt', format: 'text', json: false, timed: false, turns: 7 },
  { file: 'call.conversation.json', format: 'conversation', json: true, timed: 'word', turns: 7 },
  { file: 'chat.json', format: 'chat', json: true, timed: false, turns: 7 },
  { file: 'aws-speakers.json', format: 'aws-transcribe', json: true, timed: 'word', turns: 7 },
  { file: 'aws-channels.json', format: 'aws-transcribe', json: true, timed: 'word', turns: 7 },
  { file: 'deepgram-utterances.json', format: 'deepgram', json: true, timed: 'word', turns: 7 },
  { file: 'deepgram-channels.json', format: 'deepgram', json: true, timed: 'word', turns: 7 },
  { file: 'call.vtt', format: 'webvtt', json: false, timed: 'cue', turns: 7 },
  { file: 'call.srt', format: 'srt', json: false, timed: 'cue', turns: 7 },
];

/** Edits over every occurrence of each value in every turn (what the engine would report). */
function editsFor(doc: ParsedDocument, values: Record<string, AppliedEdit['type']>): AppliedEdit[] {
  const edits: AppliedEdit[] = [];
  doc.turns.forEach((t, turn) => {
    for (const [value, type] of Object.entries(values)) {
      for (let at = t.text.indexOf(value); at >= 0; at = t.text.indexOf(value, at + value.length)) {
        edits.push({ turn, start: at, end: at + value.length, type, replacement: `[${type}]` });
      }
    }
  });
  return edits.sort((a, b) => a.turn - b.turn || a.start - b.start);
}

const SENSITIVE = { '4111 1111 1111 1111': 'CREDIT_CARD', 'Maria Gonzalez': 'PERSON', Dana: 'PERSON' } as const;

describe.each(CASES)('$file', ({ file, format, json, timed, turns }) => {
  const content = fixture(file);
  const doc = readDocument(content);

  it(`is detected as ${format} and read into ${turns} turns`, () => {
    expect(detectFormat(content)).toBe(format);
    expect(doc.format).toBe(format);
    expect(doc.turns).toHaveLength(turns);
    expect(doc.turns.some((t) => t.text.includes('4111 1111 1111 1111'))).toBe(true);
  });

  it('round-trips: nothing to redact gives the same parsed content', () => {
    const out = doc.write([]);
    if (json) expect(JSON.parse(out)).toEqual(JSON.parse(content));
    else expect(out).toBe(content);
    expect(readDocument(out).turns).toEqual(doc.turns);
  });

  it('changes only the redacted parts, everywhere the words appear', () => {
    const edits = editsFor(doc, SENSITIVE);
    expect(edits.length).toBeGreaterThanOrEqual(3);
    const out = doc.write(edits);
    for (const leaked of ['4111', 'Gonzalez', 'Dana', 'gonzalez', 'dana']) expect(out).not.toContain(leaked);
    const again = readDocument(out, format);
    const expected = doc.turns.map((t, i) => spliceEdits(t.text, edits.filter((e) => e.turn === i)));
    expect(again.turns.map((t) => t.text)).toEqual(expected);
    // the rest of the call is untouched
    expect(again.turns.map((t) => t.speaker)).toEqual(doc.turns.map((t) => t.speaker));
    expect(out).toContain('confirmation number is 55821');
  });

  it(timed ? `emits ${timed}-level time spans for redacted words` : 'has no time spans (untimed format)', () => {
    const edits = editsFor(doc, { '4111 1111 1111 1111': 'CREDIT_CARD' });
    const spans = redactedTimeSpans(doc.turns, edits);
    if (!timed) return expect(spans).toEqual([]);
    expect(spans).toHaveLength(1);
    const span = spans[0]!;
    expect(span.precision).toBe(timed);
    expect(span.type).toBe('CREDIT_CARD');
    expect(span.end).toBeGreaterThan(span.start);
    const turn = doc.turns[span.turn]!;
    if (timed === 'word') {
      // exactly the four digit groups: from the first group's start to the last group's end
      const words = turn.words!.filter((w) => /^\d{4}\.?$/.test(turn.text.slice(w.start, w.end)));
      expect(words).toHaveLength(4);
      expect([span.start, span.end]).toEqual([words[0]!.startTime, words[3]!.endTime]);
      if (['call.conversation.json', 'aws-channels.json', 'deepgram-channels.json'].includes(file)) expect(span.channel).toBe(1);
    } else {
      expect([span.start, span.end]).toEqual([turn.startTime, turn.endTime]);
    }
  });
});

describe('format details', () => {
  it('plain prose without speaker labels is one turn (an address over two lines stays whole)', () => {
    const doc = readDocument('Please send it to\n42 Wallaby Way\nSpringfield, IL 62704\n');
    expect(doc.format).toBe('text');
    expect(doc.turns).toHaveLength(1);
  });

  it('a redacted run of AWS words becomes one item spanning their time', () => {
    const doc = readDocument(fixture('aws-speakers.json'));
    const out = JSON.parse(doc.write(editsFor(doc, { '4111 1111 1111 1111': 'CREDIT_CARD' })));
    const item = out.results.items.find((i: { alternatives: { content: string }[] }) => i.alternatives[0]!.content === '[CREDIT_CARD]');
    expect(item).toBeDefined();
    expect(Number(item.end_time) - Number(item.start_time)).toBeGreaterThan(1);
    const seg = out.results.audio_segments.find((s: { transcript: string }) => s.transcript.includes('[CREDIT_CARD]'));
    expect(seg.transcript).toBe("It's [CREDIT_CARD].");
    expect(out.results.transcripts[0].transcript).toContain("It's [CREDIT_CARD]. And the expiry date?");
  });

  it('a Deepgram summary is redacted too', () => {
    const json = JSON.parse(fixture('deepgram-utterances.json'));
    json.results.summary = { result: 'success', short: 'Maria Gonzalez paid her bill with card 4111 1111 1111 1111.' };
    const doc = readDocument(JSON.stringify(json));
    expect(doc.turns).toHaveLength(8);
    const out = doc.write(editsFor(doc, SENSITIVE));
    expect(JSON.parse(out).results.summary.short).toBe('[PERSON] paid her bill with card [CREDIT_CARD].');
    expect(readDocument(JSON.stringify(json)).write([])).toBe(JSON.stringify(json));
  });

  it('conversation words follow the text; a word that is not in the text is refused', () => {
    const bad = { turns: [{ text: 'hello there', words: [{ word: 'goodbye', start: 0, end: 1 }] }] };
    expect(() => readDocument(JSON.stringify(bad))).toThrow(/turns\.0\.words/);
  });

  it('a forced format that does not fit is an error, not a silent pass-through', () => {
    expect(() => readDocument('hello', 'aws-transcribe')).toThrow(/not valid JSON/);
    expect(() => readDocument('{"a":1}', 'deepgram')).toThrow(/does not look like/);
  });
});
