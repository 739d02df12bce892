// Deterministic transcript corpus for benchmarks, built from the eval dev conversations.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: a small seeded PRNG, so every run benchmarks the same text. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function devPath(root, name = 'dev-synthetic.jsonl') {
  return join(root, '..', 'shared', 'eval', 'data', name);
}

export function readDev(root, name) {
  return readFileSync(devPath(root, name), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

/** Bytes of a conversation as every tool sees it: the turn texts joined by newlines. */
export const plainText = (turns) => turns.map((t) => t.text).join('\n');

/**
 * At least `minBytes` of conversations: the dev conversations in shuffled order, round after
 * round, each round also rotating which agent turn opens a conversation slice (so repeated text is
 * not byte-identical in sequence).
 */
export function buildCorpus(root, minBytes, seed = 42) {
  const dev = readDev(root).map((r) => r.turns.map((t) => ({ speaker: t.speaker, text: t.text })));
  const rand = prng(seed);
  const out = [];
  let bytes = 0;
  while (bytes < minBytes) {
    const order = dev.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const i of order) {
      const turns = dev[i];
      out.push(turns);
      bytes += Buffer.byteLength(plainText(turns));
      if (bytes >= minBytes) break;
    }
  }
  return { conversations: out, bytes };
}
