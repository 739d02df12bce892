import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import { ConfigError, loadConfig } from '../config.js';
import { startServer } from '../server/start.js';

/**
 * `callvault serve` (what `npm start` runs): configuration, database (migrated), vault, audit,
 * access, HTTP and the job workers; on first start it seeds the demo brand and prints the demo
 * users' one-time passwords once. A bad setting stops it with a message naming the setting.
 */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('run the server: API, console and background workers')
    .action(async () => {
      const started = performance.now();
      let config;
      try {
        config = loadConfig();
      } catch (err) {
        if (!(err instanceof ConfigError)) throw err;
        process.stderr.write(`callvault: ${err.message}\n`);
        process.exit(1);
      }
      await startServer(config, { startedAt: started });
    });
}
