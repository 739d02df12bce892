// Child process of the streaming bench: redacts one JSONL file through the CLI's pipeline and
// reports peak RSS (getrusage maxrss) and RSS samples over time, so the parent's memory is not counted.
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { Writable } from 'node:stream';

const [root, file] = process.argv.slice(2);
const { createRedactor } = await import(pathToFileURL(join(root, 'dist', 'redaction', 'index.js')).href);
const { runRedact } = await import(pathToFileURL(join(root, 'dist', 'cli', 'redact-run.js')).href);
const samples = [];
const t0 = Date.now();
const timer = setInterval(() => samples.push([(Date.now() - t0) / 1000, process.memoryUsage().rss]), 250);
const devNull = new Writable({ write: (_c, _e, cb) => cb() });
const o = await runRedact(file, createRedactor(), { format: 'jsonl', strict: false }, { stdin: process.stdin, stdout: devNull, stderr: process.stderr, progress: false });
clearInterval(timer);
process.stdout.write(JSON.stringify({ bytes: o.bytes, seconds: o.seconds, failures: o.failures, entities: o.stats.entities, maxRssKb: process.resourceUsage().maxRSS, samples }));
