import type { Command } from 'commander';
import { AudioInputError, formatAudioSummary, runDtmfScan, runRedactAudio, type AudioIo } from './audio-run.js';

interface RedactAudioFlags {
  spans?: string;
  out?: string;
  mode: string;
  maskDtmf?: boolean;
  paddingMs?: string;
  toneHz?: string;
  toneDbfs?: string;
  strict?: boolean;
  summary?: boolean;
}

const io = (): AudioIo => ({ stdout: process.stdout, stderr: process.stderr, progress: process.stderr.isTTY === true });

/** A number flag within bounds, or a message naming the flag. */
function numberFlag(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) throw new AudioInputError(`${name} must be a number from ${min} to ${max}`);
  return n;
}

/** Exit 2 when the run could not start (bad flag, missing input), else 1 when any file failed. */
function startFailed(err: unknown): undefined {
  const message = err instanceof AudioInputError ? err.message : (err as { code?: unknown } | null)?.code === 'ENOENT' ? 'the input does not exist' : `could not start (${err instanceof Error ? err.name : 'error'})`;
  process.stderr.write(`error: ${message}\n`);
  process.exitCode = 2;
  return undefined;
}

/**
 * `callvault redact-audio` and `callvault dtmf`: the audio engine (src/audio) on WAV files and
 * folders of them. Output goes through a temporary file, so a failed file leaves nothing behind.
 */
export function registerAudioCommands(program: Command): void {
  program
    .command('redact-audio')
    .description('replace time spans of a WAV recording with silence or a tone, and silence keypad (DTMF) tones; a folder is done recursively')
    .argument('<input>', 'a .wav file or a folder of them')
    .option('--spans <path>', 'spans JSON ([{channel, start, end}] or what `callvault redact --spans` writes); for a folder, a folder of <name>.json')
    .requiredOption('--out <path>', 'output file, or output folder for a folder input')
    .option('--mode <mode>', 'silence or tone', 'silence')
    .option('--mask-dtmf', 'find and silence keypad tones on every channel')
    .option('--padding-ms <ms>', 'widen each span before and after (default 50)')
    .option('--tone-hz <hz>', 'frequency of the tone in tone mode (default 1000)')
    .option('--tone-dbfs <db>', 'level of the tone in tone mode (default -20)')
    .option('--strict', 'stop at the first bad file')
    .option('--no-summary', 'do not print the end-of-run line')
    .action(async (input: string, flags: RedactAudioFlags) => {
      let outcome;
      try {
        if (flags.mode !== 'silence' && flags.mode !== 'tone') throw new AudioInputError('--mode must be silence or tone');
        const paddingMs = numberFlag('--padding-ms', flags.paddingMs, 0, 2000);
        const toneHz = numberFlag('--tone-hz', flags.toneHz, 50, 4000);
        const toneDbfs = numberFlag('--tone-dbfs', flags.toneDbfs, -60, 0);
        outcome = await runRedactAudio(
          input,
          {
            out: flags.out!,
            mode: flags.mode,
            maskDtmf: flags.maskDtmf === true,
            strict: flags.strict === true,
            ...(flags.spans !== undefined ? { spans: flags.spans } : {}),
            ...(paddingMs !== undefined ? { paddingMs } : {}),
            ...(toneHz !== undefined ? { toneHz } : {}),
            ...(toneDbfs !== undefined ? { toneDbfs } : {}),
          },
          io(),
        );
      } catch (err) {
        return startFailed(err);
      }
      if (flags.summary !== false) process.stderr.write(formatAudioSummary(outcome, 'keypad tones masked'));
      if (outcome.failedFiles > 0) process.exitCode = 1;
      return undefined;
    });

  program
    .command('dtmf')
    .description('list the keypad (DTMF) tones in a WAV recording or a folder of them, one JSON line per file')
    .argument('<input>', 'a .wav file or a folder of them')
    .option('--show-digits', 'include the digit of each tone (for testing: digits are card data)')
    .option('--strict', 'stop at the first bad file')
    .action(async (input: string, flags: { showDigits?: boolean; strict?: boolean }) => {
      let outcome;
      try {
        outcome = await runDtmfScan(input, { showDigits: flags.showDigits === true, strict: flags.strict === true }, io());
      } catch (err) {
        return startFailed(err);
      }
      if (outcome.files > 1) process.stderr.write(formatAudioSummary(outcome, 'keypad tones'));
      if (outcome.failedFiles > 0) process.exitCode = 1;
      return undefined;
    });
}
