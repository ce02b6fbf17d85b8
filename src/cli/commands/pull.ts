import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { countBySeverity } from '../../diagnostics/diagnostic.js';
import { readGoalFiles, UsageError } from '../../load/read-directory.js';
import { formatText } from '../../reporters/text.js';
import { escapeTerminal } from '../../text/terminal.js';
import { validateRepository } from '../../validate.js';
import { exitCodes, maxFileSizeOption, month, useColor, type CommandContext } from '../context.js';

/** Repeated options add up; without a default, which help would show as `[]`. */
function collectMonth(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), month(value)];
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function seconds(value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new InvalidArgumentError('It must be a number of seconds above 0.');
  return number;
}

interface PullOptions {
  month?: string[];
  kpi?: string[];
  from?: string;
  dryRun?: boolean;
  timeout: number;
  maxFileSize: number;
}

/**
 * `goalpost pull`: runs the query of each measured KPI with a source for each
 * month asked for, and writes the rows to actuals/pulled/<month>.csv in the
 * goals folder, once they validate with the rest of the goals. The database
 * adapters and the pull itself are loaded only here.
 */
export function registerPull(program: Command, context: CommandContext): void {
  const { io } = context;
  program
    .command('pull')
    .description('Pull actuals from where the numbers live: run the query of each KPI with a source for each month, and write actuals/pulled/<month>.csv.')
    .argument('[dir]', 'the goals folder', 'goals')
    .option('--month <month>', 'a month to pull, YYYY-MM (repeat for more)', collectMonth)
    .option('--kpi <id>', 'pull only this KPI (repeat for more)', collect)
    .option('--from <source>', 'pull only the KPIs of this source')
    .option('--dry-run', 'show what would change in each file, and write nothing')
    .option('--timeout <seconds>', 'how long one query may take', seconds, 60)
    .addOption(maxFileSizeOption())
    .action(async (dir: string, options: PullOptions) => {
      if (options.month === undefined) throw new UsageError('Say which month to pull: --month 2026-11 (repeat it for more months).');
      const [{ selectKpis, runQueries }, { monthFiles }, { checkPulledRows }, format, { pulledFilePath, pulledFolder }, { connectSource }, { writeOutputFiles }] = await Promise.all([
        import('../../pull/run-queries.js'),
        import('../../pull/month-files.js'),
        import('../../pull/check-pulled-rows.js'),
        import('../../pull/format-pull.js'),
        import('../../pull/pulled-file.js'),
        import('../../sources/connect.js'),
        import('../../render/write-output.js'),
      ]);
      // Line by line: a line break inside a value is shown as \n, never starts a line of its own.
      const lines = (list: readonly string[]): string => list.map((line) => `${escapeTerminal(line)}\n`).join('');

      const maxFileBytes = Math.floor(options.maxFileSize * 1024 * 1024);
      const files = await readGoalFiles(dir, io.cwd, maxFileBytes);
      const before = validateRepository(files, { maxFileBytes });
      if (countBySeverity(before.diagnostics).errors > 0) {
        io.stderr(formatText(before.diagnostics, { color: useColor(io) }));
        io.stderr('goalpost: fix the errors above first.\n');
        context.setExitCode(exitCodes.problems);
        return;
      }
      const model = before.model;
      const kpis = selectKpis(model, { kpis: options.kpi ?? [], from: options.from });
      const months = [...new Set(options.month)].sort();
      // The repository's paths start with the goals folder as typed, as readGoalFiles writes them.
      const folder = dir.split(path.sep).join('/').replace(/\/+$/, '');
      const shownFolder = folder === '.' ? '' : folder;

      const progress = io.isTTY
        ? {
            started: (kpi: string, source: string, m: string) => io.stderr(escapeTerminal(`${kpi} from ${source}, ${m} … `)),
            finished: (_kpi: string, _source: string, _m: string, result: { rows: number } | { failed: string }, milliseconds: number) =>
              io.stderr(`${'rows' in result ? `${result.rows} ${result.rows === 1 ? 'row' : 'rows'}` : 'failed'} in ${(milliseconds / 1000).toFixed(1)} s\n`),
          }
        : undefined;
      const outcome = await runQueries(model, kpis, months, {
        env: io.env,
        goalsFolder: path.resolve(io.cwd, dir),
        timeoutMs: options.timeout * 1000,
        connect: connectSource,
        ...(progress ? { progress } : {}),
      });
      if (outcome.failures.length > 0) {
        io.stderr(lines(format.formatFailures(outcome.failures, (m) => pulledFilePath(shownFolder, m), options.timeout)));
        context.setExitCode(exitCodes.problems);
      }

      const newFiles = monthFiles(files, shownFolder, months, kpis.map((kpi) => kpi.kpi.id), outcome);
      const problems = checkPulledRows(files, newFiles);
      if (outcome.problems.length > 0 || problems.length > 0) {
        io.stderr(lines(format.formatRowProblems(outcome.problems, problems)));
        context.setExitCode(exitCodes.problems);
        return;
      }
      if (options.dryRun) {
        io.stdout(lines(format.formatDryRun(newFiles)));
        return;
      }
      const changed = newFiles.filter((file) => file.changed);
      if (changed.length > 0) {
        await writeOutputFiles(
          path.join(dir, ...pulledFolder.split('/')),
          changed.map((file) => ({ path: `${file.month}.csv`, content: file.text })),
          io.cwd,
        );
      }
      io.stdout(lines(format.formatWritten(newFiles)));
    });
}
