import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The redaction, audio and detection engines are libraries on their own (CONVENTIONS.md, "Pure engines stay
 * pure"): every import in src/redaction (src/audio, src/detection) must resolve inside that folder, or be a Node
 * built-in or an npm package.
 */
const SRC = dirname(fileURLToPath(import.meta.url));
const SPECIFIER = /(?:\bimport\s+(?:type\s+)?(?:[\w*{}\s,$]+\s+from\s+)?|\bexport\s+(?:type\s+)?[\w*{}\s,$]+\s+from\s+|\bimport\s*\(\s*)['"]([^'"]+)['"]/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'fixtures' ? [] : sourceFiles(path);
    return /\.(ts|mts|js|mjs)$/.test(name) ? [path] : [];
  });
}

function importsOf(source: string): string[] {
  return [...source.matchAll(SPECIFIER)].map((m) => m[1]!);
}

/** Import specifiers of `file` that leave ROOT (relative ones resolving outside, absolute paths, the app itself). */
function outsideImports(ROOT: string, file: string, source: string): string[] {
  return importsOf(source).filter((spec) => {
    if (spec.startsWith('.')) return !(resolve(dirname(file), spec) + sep).startsWith(ROOT + sep);
    if (spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0]!)) return false;
    return spec.startsWith('/') || spec.startsWith('#') || spec === 'callvault' || spec.startsWith('callvault/');
  });
}

it('finds imports (the scan itself works)', () => {
  const sample = `import { a } from './a.js';\nexport * from "../b.js";\nimport type { C } from 'zod';\nimport { x } from 'node:fs';\nconst x = await import('../../errors.js');`;
  expect(importsOf(sample)).toEqual(['./a.js', '../b.js', 'zod', 'node:fs', '../../errors.js']);
  const root = join(SRC, 'redaction');
  expect(outsideImports(root, join(root, 'operators', 'x.ts'), sample)).toEqual(['../../errors.js']);
});

describe.each([
  ['redaction', 20],
  ['audio', 8],
  ['detection', 15],
])('src/%s imports nothing outside itself', (engine, least) => {
  const ROOT = join(SRC, engine);
  const files = sourceFiles(ROOT);
  it('finds the sources', () => expect(files.length).toBeGreaterThan(least));
  it.each(files.map((f) => [relative(ROOT, f), f]))('%s', (_name, file) => {
    expect(outsideImports(ROOT, file, readFileSync(file, 'utf8'))).toEqual([]);
  });
});
