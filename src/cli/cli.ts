import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { countBySeverity } from '../diagnostics/diagnostic.js';
import { readGoalsDirectory, UsageError } from '../load/read-directory.js';
import { formatJson } from '../reporters/json.js';
import { formatText } from '../reporters/text.js';
import { validateRepository } from '../validate.js';

/** What the CLI may touch of its process, so tests can run it in-process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is a terminal (for colours). */
  isTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
}

export const exitCodes = { ok: 0, problems: 1, usage: 2 } as const;

function useColor(io: CliIo): boolean {
  if (io.env['NO_COLOR'] !== undefined && io.env['NO_COLOR'] !== '') return false;
  if (io.env['FORCE_COLOR'] !== undefined && io.env['FORCE_COLOR'] !== '0') return true;
  return io.isTTY;
}

function positiveNumber(value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new InvalidArgumentError('It must be a positive number.');
  return number;
}

/**
 * Runs goalpost with the given arguments (without `node` and the script) and
 * returns the exit status: 0 fine, 1 problems found, 2 usage or I/O error.
 */
export async function cli(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode: number = exitCodes.ok;
  const program = new Command('goalpost')
    .description('Goals and KPIs as code: validate goal files, score them against actuals, and report.')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showSuggestionAfterError(true)
    .helpOption('-h, --help', 'Show help.');

  program
    .command('validate')
    .description('Check a goals folder: YAML, schemas, references, breakdowns, weights, formulas and actuals.')
    .argument('[dir]', 'the goals folder', 'goals')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--max-file-size <megabytes>', 'refuse files larger than this', positiveNumber, 16)
    .action(async (dir: string, options: { format: 'text' | 'json'; maxFileSize: number }) => {
      const files = await readGoalsDirectory(dir);
      if (files.length === 0) throw new UsageError(`The folder "${dir}" holds no YAML or CSV files.`);
      const { diagnostics } = validateRepository(files, { maxFileBytes: Math.floor(options.maxFileSize * 1024 * 1024) });
      io.stdout(options.format === 'json' ? formatJson(diagnostics) : formatText(diagnostics, { color: useColor(io) }));
      exitCode = countBySeverity(diagnostics).errors > 0 ? exitCodes.problems : exitCodes.ok;
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; every other commander error is a usage error it has already printed.
      return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
    }
    if (error instanceof UsageError) {
      io.stderr(`goalpost: ${error.message}\n`);
      return exitCodes.usage;
    }
    throw error;
  }
}
