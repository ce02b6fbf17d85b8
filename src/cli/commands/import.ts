import { lstat, mkdir, readFile, stat } from 'node:fs/promises';
import { writeNewFile } from '../write-new-file.js';
import path from 'node:path';
import type { Command } from 'commander';
import { isFileSystemError } from '../../load/file-system-error.js';
import { readGoalFiles, UsageError } from '../../load/read-directory.js';
import type { GoalsModel } from '../../model/model.js';
import { parsePeriod } from '../../model/period.js';
import { idPattern, specialisedSchemasDir } from '../../model/schema/common.js';
import { escapeTerminal } from '../../text/terminal.js';
import { validateRepository } from '../../validate.js';
import { exitCodes, maxFileSizeOption, type CommandContext } from '../context.js';

interface ImportOptions {
  team: string;
  period: string;
  sheet?: string;
  out?: string;
  dir: string;
  maxFileSize: number;
}

const posix = (file: string): string => file.split(path.sep).join('/');

/**
 * The schema line of the new goal set: the one the repository's goal sets
 * use, pointed at from the new file's folder; without any, the specialised
 * schemas that `goalpost init` puts beside the goals folder.
 */
function goalSetModeline(model: GoalsModel, cwd: string, goalsDir: string, newFile: string): string {
  const line = (schema: string): string => `# yaml-language-server: $schema=${schema}`;
  for (const goalSet of model.goalSets) {
    const source = goalSet.at.doc.source;
    const schema = /^# yaml-language-server: \$schema=(\S+)/.exec(source.text)?.[1];
    if (schema === undefined) continue;
    if (/^[a-z][a-z0-9+.-]*:/i.test(schema)) return line(schema);
    return line(posix(path.relative(path.dirname(newFile), path.resolve(cwd, path.dirname(source.path), schema))));
  }
  return line(posix(path.relative(path.dirname(newFile), path.resolve(cwd, goalsDir, '..', specialisedSchemasDir, 'goal-set.schema.json'))));
}

/**
 * `goalpost import`: a planning sheet to a goal set. Nothing is written
 * unless the goal set validates with the rest of the repository; every
 * problem is reported at the sheet's cells.
 */
export function registerImport(program: Command, context: CommandContext): void {
  const { io } = context;
  program
    .command('import')
    .description('Turn a planning sheet (.xlsx, one row per goal) into a goal set; it is written only when it validates with the rest of the goals.')
    .argument('<workbook>', 'the .xlsx file')
    .requiredOption('--team <id>', 'the team whose goals the sheet holds')
    .requiredOption('--period <period>', 'the period of the goals: 2026-Q4, 2026-H2, 2026, 2026-11, FY2027-Q1')
    .option('--sheet <name>', 'the sheet to read (default: the only sheet, or the one named like "marketing 2026-Q4")')
    .option('-o, --out <file>', 'the goal set file to write (default: <dir>/<period>/<team>.yaml)')
    .option('-d, --dir <dir>', 'the goals folder', 'goals')
    .addOption(maxFileSizeOption())
    .action(async (workbook: string, options: ImportOptions) => {
      if (!new RegExp(idPattern).test(options.team)) throw new UsageError(`"${options.team}" cannot be a team id: use letters, digits and . _ - only.`);
      if (!parsePeriod(options.period)) throw new UsageError(`"${options.period}" is not a period: write 2026, 2026-H2, 2026-Q4, 2026-11 or FY2027-Q1.`);
      const shown = options.out ?? path.join(options.dir, options.period, `${options.team}.yaml`);
      const file = path.resolve(io.cwd, shown);
      const refuseExisting = (): UsageError => new UsageError(`${shown} already exists; goalpost import never overwrites a file. Choose another --out, or remove the file first.`);
      if (await lstat(file).then(() => true, () => false)) throw refuseExisting();

      const maxFileBytes = Math.floor(options.maxFileSize * 1024 * 1024);
      const workbookPath = path.resolve(io.cwd, workbook);
      const { size } = await stat(workbookPath);
      if (size > maxFileBytes) throw new UsageError(`${workbook} is larger than ${options.maxFileSize} MB; raise --max-file-size to read it.`);
      const bytes = await readFile(workbookPath);

      // What the repository reports without the new goal set is not the sheet's doing (a check-in waiting for
      // the goal set may even be put right by it): only what the goal set brings is reported.
      const repository = await readGoalFiles(options.dir, io.cwd, maxFileBytes);
      const before = validateRepository(repository, { maxFileBytes });

      const [{ readWorkbook }, { sheetGrid }, { chooseSheet, importGoalSet }, { formatImportProblems }] = await Promise.all([
        import('../../spreadsheet/excel.js'),
        import('../../spreadsheet/sheet-grid.js'),
        import('../../spreadsheet/import-goal-set.js'),
        import('../../spreadsheet/format-import-problems.js'),
      ]);
      const book = await readWorkbook(bytes).catch((error: Error) => {
        throw new UsageError(`${workbook} cannot be read as an Excel workbook (.xlsx): ${error.message}`);
      });
      const chosen = chooseSheet(
        book.worksheets.map((sheet) => sheet.name),
        options.team,
        options.period,
        options.sheet,
      );
      if (!chosen.ok) throw new UsageError(chosen.problem);
      const result = importGoalSet({
        grid: sheetGrid(book.getWorksheet(chosen.name)!),
        team: options.team,
        period: options.period,
        modeline: goalSetModeline(before.model, io.cwd, options.dir, file),
        path: posix(path.relative(io.cwd, file)),
        repository,
        before: before.diagnostics,
        loadOptions: { maxFileBytes },
      });
      io.stderr(formatImportProblems(workbook, chosen.name, result.problems, result.elsewhere));
      if (result.errorsOfTheRepository > 0) {
        const count = result.errorsOfTheRepository;
        io.stderr(`goalpost: note: ${options.dir} has ${count} error${count === 1 ? '' : 's'} of its own, not caused by the sheet; goalpost validate ${options.dir} lists ${count === 1 ? 'it' : 'them'}.\n`);
      }
      if (result.errors > 0) {
        const counted = `${result.errors} error${result.errors === 1 ? '' : 's'}${result.warnings > 0 ? ` and ${result.warnings} warning${result.warnings === 1 ? '' : 's'}` : ''}`;
        io.stderr(`goalpost: ${counted}; nothing was written. Correct the sheet and import it again.\n`);
        context.setExitCode(exitCodes.problems);
        return;
      }
      await mkdir(path.dirname(file), { recursive: true });
      try {
        await writeNewFile(file, result.text);
      } catch (error) {
        if (isFileSystemError(error) && error.code === 'EEXIST') throw refuseExisting();
        throw error;
      }
      const warned = result.warnings > 0 ? `, with ${result.warnings} warning${result.warnings === 1 ? '' : 's'} above` : '';
      io.stdout(
        escapeTerminal(`Wrote ${shown}: ${result.goals} goal${result.goals === 1 ? '' : 's'} from sheet "${chosen.name}" of ${workbook}${warned}. Check it with goalpost validate ${options.dir}.`) + '\n',
      );
    });
}
