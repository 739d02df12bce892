// The redaction tools compared in the bench, behind one shape:
//   redact(turns) -> redacted output (what a user runs), spans(turns) -> [{turn, start, end}].
// Peers get the conversation as one text (turns joined by newlines: the same bytes for everyone).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { plainText } from './corpus.mjs';

const MARK = '\u27e6R\u27e7';

/**
 * Spans of `original` that a tool replaced by MARK in `redacted`: the literal text between marks
 * is found in order in the original; what lies between is what was redacted.
 */
export function spansFromMarks(original, redacted) {
  const parts = redacted.split(MARK);
  const spans = [];
  let cursor = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    let at;
    if (i === 0) at = 0;
    else if (i === parts.length - 1) at = original.length - part.length;
    else at = original.indexOf(part, cursor + 1);
    if (at < cursor) return null; // cannot align
    if (i > 0) spans.push([cursor, at]);
    cursor = at + part.length;
  }
  return spans;
}

/** Offsets in the joined text -> per-turn spans (a span crossing a newline is cut per turn). */
export function toTurnSpans(turns, spans) {
  const starts = [];
  let pos = 0;
  for (const t of turns) {
    starts.push(pos);
    pos += t.text.length + 1;
  }
  const out = [];
  for (const [s, e] of spans) {
    turns.forEach((t, i) => {
      const a = Math.max(s, starts[i]) - starts[i];
      const b = Math.min(e, starts[i] + t.text.length) - starts[i];
      if (b > a) out.push({ turn: i, start: a, end: b });
    });
  }
  return out;
}

/** Installed version, read from node_modules (some packages do not export their package.json). */
const version = (root, pkg) => JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;

export async function loadTools(root) {
  const callvault = await import(pathToFileURL(join(root, 'dist', 'redaction', 'index.js')).href);
  const redactor = callvault.createRedactor();
  const { SyncRedactor } = await import('redact-pii');
  const redactPii = new SyncRedactor({ globalReplaceWith: MARK });
  const { Redactor } = await import('@redactpii/node');
  const redactpiiNode = new Redactor({ globalReplaceWith: MARK });
  const { OpenRedaction } = await import('openredaction');
  const openRedaction = new OpenRedaction({ redactionMode: 'placeholder' });
  const markTool = (name, pkg, fn) => ({
    name,
    version: version(root, pkg),
    redact: (turns) => fn(plainText(turns)),
    spans: (turns) => {
      const text = plainText(turns);
      const s = spansFromMarks(text, fn(text));
      return s === null ? null : toTurnSpans(turns, s);
    },
  });
  return [
    {
      name: 'callvault',
      version: JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version,
      redact: (turns) => redactor.redact(turns),
      spans: (turns) => redactor.detect(turns).map((f) => ({ turn: f.turn, start: f.start, end: f.end, type: f.type })),
    },
    markTool('redact-pii', 'redact-pii', (t) => redactPii.redact(t)),
    markTool('@redactpii/node', '@redactpii/node', (t) => redactpiiNode.redact(t)),
    {
      name: 'openredaction',
      version: version(root, 'openredaction'),
      redact: async (turns) => (await openRedaction.detect(plainText(turns))).redacted,
      spans: async (turns) => toTurnSpans(turns, (await openRedaction.detect(plainText(turns))).detections.map((d) => d.position)),
    },
  ];
}
