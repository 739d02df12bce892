import { Command } from 'commander';
import { registerAnomaliesCommands } from './anomalies.js';
import { registerAudioCommands } from './audio.js';
import { registerAuditCommands } from './audit.js';
import { registerJobsCommands } from './jobs.js';
import { registerKeysCommands } from './keys.js';
import { registerDetectCommand } from './detect.js';
import { registerEvalCommand } from './eval.js';
import { registerIngestCommand } from './ingest.js';
import { registerRedactCommand } from './redact.js';
import { registerServeCommand } from './serve.js';

/**
 * `callvault <command>`: one CLI for operations and batch work. Each module registers its own
 * commands; this file only lists them. Commands read the same configuration as the server.
 */
const program = new Command('callvault').description('customer-data protection for contact centers').version('0.1.0');

// module command registrations go here (one line each)
registerDetectCommand(program);
registerRedactCommand(program);
registerEvalCommand(program);
registerServeCommand(program);
registerKeysCommands(program);
registerAuditCommands(program);
registerJobsCommands(program);
registerIngestCommand(program);
registerAudioCommands(program);
registerAnomaliesCommands(program);

await program.parseAsync(process.argv);
