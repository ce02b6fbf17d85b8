import { statSync } from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { readGoalsDirectory } from '../../load/read-directory.js';
import { printableJson } from '../../text/terminal.js';
import { exitCodes, type CommandContext } from '../context.js';

/**
 * The goals folder in the working tree. A folder deleted by the change has no
 * files rather than an error; one that cannot be read is an error, never an
 * empty folder that would read as every goal removed.
 */
async function readWorkingTree(dir: string, cwd: string) {
  return statSync(path.resolve(cwd, dir), { throwIfNoEntry: false }) === undefined ? [] : readGoalsDirectory(dir, cwd);
}

export function registerDiff(program: Command, context: CommandContext): void {
  const { io } = context;
  program
    .command('diff')
    .description(
      'Explain what a change does to the goals: targets, weights, owners, breakdowns, KPIs, and their effect on scores. Exits 1 when it changes a closed goal set without reopening it.',
    )
    .argument('[base]', 'the revision to compare with (default: where this branch left the default branch)')
    .argument('[head]', 'the revision to compare (default: the working tree)')
    .option('-d, --dir <dir>', 'the goals folder', 'goals')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'md', 'json']).default('text'))
    .action(async (base: string | undefined, head: string | undefined, options: { dir: string; format: 'text' | 'md' | 'json' }) => {
      const [{ GitGoals }, { compareRepositories }, { formatDiff }] = await Promise.all([
        import('../../git/git.js'),
        import('../../diff/compare.js'),
        import('../../diff/format-diff.js'),
      ]);
      const repository = await GitGoals.open(io.cwd, options.dir);
      const baseRevision = base === undefined ? await repository.defaultBase() : await repository.resolve(base);
      const baseFiles = await repository.filesAt(baseRevision);
      const headFiles = head === undefined ? await readWorkingTree(options.dir, io.cwd) : await repository.filesAt(await repository.resolve(head));
      const diff = compareRepositories(baseFiles, headFiles);
      io.stdout(options.format === 'json' ? printableJson(diff) : formatDiff(diff, options.format));
      // A change to a closed goal set that does not reopen it fails, in every format, as an error of `validate` would.
      context.setExitCode(diff.problems.some((problem) => problem.severity === 'error') ? exitCodes.problems : exitCodes.ok);
    });
}
