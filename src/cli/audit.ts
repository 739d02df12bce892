import { createWriteStream } from 'node:fs';
import type { Command } from 'commander';
import { forwardPending, openSyslogSender, parseSyslogUrl, type ExportFormat, type VerifyReport } from '../audit/index.js';
import { processIo, UsageError, withOperations, type Io } from './operations-context.js';

const FORMATS: readonly ExportFormat[] = ['jsonl', 'syslog', 'cef'];

export function formatReport(r: VerifyReport): string {
  const head = `${r.ok ? 'OK' : 'PROBLEMS FOUND'}: ${r.chains} chain(s), ${r.events} event(s), ${r.checkpoints} signed checkpoint(s)\n`;
  return head + r.problems.map((p) => `  chain ${p.chainId} seq ${p.seq}: ${p.kind} — ${p.message}\n`).join('');
}

/**
 * `callvault audit verify|export|forward|checkpoint`. verify exits 1 when the trail was tampered
 * with (naming chain, seq and kind of each problem), 2 when it could not run.
 */
export function registerAuditCommands(program: Command, io: Io = processIo): void {
  const audit = program.command('audit').description('tamper-evident audit trail: verify, export, forward to a SIEM');

  audit
    .command('verify')
    .description('re-derive hash chains and check signed checkpoints; exit code 1 on any problem')
    .option('--brand <id>', "one brand's chain (default: every chain)")
    .option('--json', 'print the report as JSON')
    .action(async (flags: { brand?: string; json?: boolean }) => {
      await withOperations(io, async ({ auditService, principal }) => {
        const report = await auditService.verify(principal, flags.brand ?? null);
        io.out(flags.json ? `${JSON.stringify(report)}\n` : formatReport(report));
        return report.ok ? 0 : 1;
      });
    });

  audit
    .command('export')
    .description('write events as JSON lines, RFC 5424 syslog lines or CEF lines')
    .option('--brand <id>', 'one brand (default: every chain)')
    .option('--since <time>', 'only events at or after this ISO 8601 time')
    .option('--format <format>', FORMATS.join('|'), 'jsonl')
    .option('--out <file>', 'write to a file (default: stdout)')
    .action(async (flags: { brand?: string; since?: string; format: string; out?: string }) => {
      await withOperations(io, async ({ auditService, principal }) => {
        if (!FORMATS.includes(flags.format as ExportFormat)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
        const since = flags.since === undefined ? undefined : new Date(flags.since);
        if (since && Number.isNaN(since.getTime())) throw new UsageError('--since must be an ISO 8601 time');
        const file = flags.out ? createWriteStream(flags.out, { mode: 0o600 }) : undefined;
        let n = 0;
        for await (const line of auditService.exportEvents(principal, {
          format: flags.format as ExportFormat,
          ...(flags.brand && { brandId: flags.brand }),
          ...(since && { since }),
        })) {
          if (file) {
            if (!file.write(`${line}\n`)) await new Promise<void>((r) => file.once('drain', () => r()));
          } else io.out(`${line}\n`);
          n++;
        }
        if (file) {
          await new Promise<void>((resolve, reject) => file.end((err?: Error | null) => (err ? reject(err) : resolve())));
          io.err(`${n} event(s) written to ${flags.out}\n`);
        }
        return 0;
      });
    });

  audit
    .command('forward')
    .description('send events not yet sent to a syslog collector (RFC 5424 or CEF; TCP octet-counting or UDP)')
    .requiredOption('--to <url>', 'tcp://host:port or udp://host:port')
    .option('--format <format>', 'rfc5424|cef', 'rfc5424')
    .option('--name <name>', 'forwarder name (its progress is remembered per name)', 'default')
    .option('--follow', 'keep forwarding new events')
    .option('--interval <seconds>', 'poll interval with --follow', '5')
    .action(async (flags: { to: string; format: string; name: string; follow?: boolean; interval: string }) => {
      await withOperations(io, async ({ db, audit, principal }) => {
        if (flags.format !== 'rfc5424' && flags.format !== 'cef') throw new UsageError('--format must be rfc5424 or cef');
        const sender = await openSyslogSender(parseSyslogUrl(flags.to, flags.format));
        await db.transaction((tx) =>
          audit.append(tx, { actor: principal.actor, action: 'audit.forward', brandId: null, outcome: 'success', details: { forwarder: flags.name, format: flags.format } }),
        );
        let stop = false;
        process.once('SIGINT', () => void (stop = true));
        try {
          do {
            const sent = await forwardPending(db, flags.name, sender);
            if (sent > 0 || !flags.follow) io.out(`${sent} event(s) forwarded\n`);
            if (flags.follow && !stop) await new Promise((r) => setTimeout(r, Math.max(1, Number(flags.interval)) * 1000));
          } while (flags.follow && !stop);
        } finally {
          await sender.close();
        }
        return 0;
      });
    });

  audit
    .command('checkpoint')
    .description('write a signed checkpoint now for every chain with events not yet covered')
    .action(async () => {
      await withOperations(io, async ({ db, audit }) => {
        io.out(`${await audit.checkpointStale(db, 0)} checkpoint(s) written\n`);
        return 0;
      });
    });
}
