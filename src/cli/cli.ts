import { Command, CommanderError } from 'commander';
import { fileSystemErrorMessage, isFileSystemError } from '../load/file-system-error.js';
import { UsageError } from '../load/read-directory.js';
import { escapeTerminal } from '../text/terminal.js';
import { version } from '../version.js';
import { registerCheckIn } from './commands/checkin.js';
import { registerDiff } from './commands/diff.js';
import { registerExport } from './commands/export.js';
import { registerImport } from './commands/import.js';
import { registerInit } from './commands/init.js';
import { registerLog } from './commands/log.js';
import { registerLsp } from './commands/lsp.js';
import { registerPull } from './commands/pull.js';
import { registerRender } from './commands/render.js';
import { registerSchema } from './commands/schema.js';
import { registerScore } from './commands/score.js';
import { registerValidate } from './commands/validate.js';
import { exitCodes, type CliIo, type CommandContext } from './context.js';

export { exitCodes, type CliIo } from './context.js';

/**
 * Runs goalpost with the given arguments (without `node` and the script) and
 * returns the exit status: 0 fine, 1 problems found, 2 usage or I/O error.
 * Each command lives in commands/; this only builds the program and maps
 * errors to exit codes, every file-system error to one line and status 2.
 */
export async function cli(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode: number = exitCodes.ok;
  const context: CommandContext = { io, setExitCode: (code) => (exitCode = code) };
  const program = new Command('goalpost')
    .version(version, '-V, --version', 'Show the version.')
    .description('Goals and KPIs as code: validate goal files, score them against actuals, and report.')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showSuggestionAfterError(true)
    .helpOption('-h, --help', 'Show help.');

  registerValidate(program, context);
  registerScore(program, context);
  registerRender(program, context);
  registerDiff(program, context);
  registerLog(program, context);
  registerLsp(program);
  registerSchema(program, context);
  registerInit(program, context);
  registerCheckIn(program, context);
  registerImport(program, context);
  registerExport(program, context);
  registerPull(program, context);

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; every other commander error is a usage error it has already printed.
      return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
    }
    if (error instanceof UsageError) {
      io.stderr(`goalpost: ${escapeTerminal(error.message)}\n`);
      return exitCodes.usage;
    }
    // The file system's refusals (a full disk, a read-only folder, a path too long) are the user's to fix, not internal errors.
    if (isFileSystemError(error)) {
      io.stderr(`goalpost: ${fileSystemErrorMessage(error, io.cwd)}\n`);
      return exitCodes.usage;
    }
    throw error;
  }
}
