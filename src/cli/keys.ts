import type { Command } from 'commander';
import { processIo, UsageError, withOperations, type Io } from './operations-context.js';

/**
 * `callvault keys rotate|destroy|status`: data-key rotation (re-encryption runs as a background
 * job), KEK rotation, crypto-shredding of a brand. Every operation is audited as `cli:<user>`.
 */
export function registerKeysCommands(program: Command, io: Io = processIo): void {
  const keys = program.command('keys').description('encryption keys: rotate, destroy (crypto-shredding), status');

  keys
    .command('rotate')
    .description('new data-key version for new writes (old records re-encrypted by a background job), or --kek')
    .option('--brand <id>', 'rotate one brand')
    .option('--system', "rotate the installation's own key (MFA secrets, signing keys)")
    .option('--all', 'rotate every brand and the system key')
    .option('--kek', 're-wrap every data key under a new key-encryption key (records untouched)')
    .action(async (flags: { brand?: string; system?: boolean; all?: boolean; kek?: boolean }) => {
      await withOperations(io, async ({ keys, principal }) => {
        const picked = [flags.brand !== undefined, flags.system === true, flags.all === true].filter(Boolean).length;
        if (picked > 1 || (picked === 0 && !flags.kek)) throw new UsageError('choose one of --brand <id>, --system, --all (and/or --kek)');
        if (flags.kek) {
          const r = await keys.rotateKek(principal);
          io.out(`KEK rotated: new KEK ${r.kekId}, ${r.rewrapped} data key(s) re-wrapped, no record touched\n`);
        }
        const rotations = flags.all ? await keys.rotateAll(principal) : flags.brand ? [await keys.rotate(principal, { brandId: flags.brand })] : flags.system ? [await keys.rotate(principal, { system: true })] : [];
        for (const r of rotations) io.out(`${r.scope}: now version ${r.version}; re-encryption job ${r.jobId} queued (callvault jobs list)\n`);
        return 0;
      });
    });

  keys
    .command('destroy')
    .description("crypto-shredding: destroy every key of a brand; all its encrypted data becomes unreadable, backups included")
    .requiredOption('--brand <id>', 'the brand whose keys are destroyed')
    .requiredOption('--confirm <id>', 'repeat the brand id to confirm (irreversible)')
    .action(async (flags: { brand: string; confirm: string }) => {
      await withOperations(io, async ({ keys, principal }) => {
        const r = await keys.destroyBrand(principal, flags.brand, flags.confirm);
        io.out(`brand ${flags.brand}: ${r.versions} key version(s) destroyed; its encrypted data can no longer be read\n`);
        return 0;
      });
    });

  keys
    .command('status')
    .description('key versions per scope (active, decrypt-only until re-encrypted, retired)')
    .option('--brand <id>', 'one brand only')
    .action(async (flags: { brand?: string }) => {
      await withOperations(io, async ({ keys, principal }) => {
        const rows = await keys.status(principal, flags.brand);
        io.out(`${'scope'.padEnd(44)} ${'version'.padStart(7)}  ${'status'.padEnd(12)} kek\n`);
        for (const r of rows) io.out(`${r.scope.padEnd(44)} ${String(r.version).padStart(7)}  ${r.status.padEnd(12)} ${r.kekId}\n`);
        return 0;
      });
    });
}
