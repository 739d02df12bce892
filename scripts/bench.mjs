#!/usr/bin/env node
// npm run bench: runs every section in scripts/bench/*.mjs (each module adds its own file), or
// `--only <name>`. Runs the compiled code in dist/: build first (npx tsc -p tsconfig.build.json).
// Flags: --quick (smaller inputs), --only <name>, --size-mb <n> (streaming file size).
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const value = (name) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};

if (!existsSync(join(root, 'dist', 'redaction', 'index.js'))) {
  console.error('bench: dist/ is missing; build first: npx tsc -p tsconfig.build.json');
  process.exit(2);
}

const dir = join(root, 'scripts', 'bench');
const sections = [];
for (const file of readdirSync(dir).filter((f) => f.endsWith('.mjs')).sort()) {
  const mod = await import(pathToFileURL(join(dir, file)).href);
  sections.push({ order: mod.order ?? 100, ...mod });
}
sections.sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
const only = value('only');
const chosen = only ? sections.filter((s) => s.name === only) : sections;
if (chosen.length === 0) {
  console.error(`bench: no section named ${only}; sections: ${sections.map((s) => s.name).join(', ')}`);
  process.exit(2);
}
const ctx = { root, quick: flag('quick'), argv, value, flag };
console.log(`callvault bench  node ${process.version}  ${new Date().toISOString()}${ctx.quick ? '  (--quick)' : ''}`);
let failed = false;
for (const s of chosen) {
  console.log(`\n## ${s.name}: ${s.description}`);
  try {
    await s.run(ctx);
  } catch (err) {
    failed = true;
    console.error(`section ${s.name} failed: ${err instanceof Error ? err.message : err}`);
  }
}
process.exitCode = failed ? 1 : 0;
