import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { fileSystemReason, isFileSystemError } from '../../load/file-system-error.js';
import { UsageError } from '../../load/read-directory.js';
import { locales, type Locale } from '../../model/kinds.js';
import type { OutputFormat } from '../../render/render.js';
import { checkOutputFolder, writeOutputFiles } from '../../render/write-output.js';
import { scoreRepository } from '../../score/score.js';
import { maxFileSizeOption, month, validOrReport, type CommandContext } from '../context.js';
import { escapeTerminal } from '../../text/terminal.js';
import { scorecardsWritten } from './export.js';

interface RenderOptions {
  format: 'md' | 'html' | 'both' | 'xlsx' | 'pdf';
  asOf?: string;
  out: string;
  template?: string;
  locale?: Locale;
  history: boolean;
  maxFileSize: number;
  includeIncentives?: boolean;
  provisional?: boolean;
}

export function registerRender(program: Command, context: CommandContext): void {
  const { io } = context;
  program
    .command('render')
    .description('Write Markdown and HTML scorecards: an index, a page per team and goal set, and a page per person; or with --format xlsx one workbook, scorecards.xlsx; or with --format pdf the team pages printed by Chromium, scorecards.pdf.')
    .argument('[dir]', 'the goals folder', 'goals')
    .option('--as-of <month>', 'the last month to count (default: the latest month with actuals)', month)
    .addOption(new Option('-f, --format <format>', 'which scorecards to write').choices(['md', 'html', 'both', 'xlsx', 'pdf']).default('both'))
    .option('-o, --out <dir>', 'the folder to write to', 'out')
    .option('--template <dir>', 'a folder of templates that replace the default ones of the same file name')
    .addOption(new Option('--locale <locale>', 'the language of the scorecards (default: from goalpost.yaml)').choices([...locales]))
    .option('--no-history', 'do not read git history for "target revised" notes')
    .option('--include-incentives', "show people's payout factors on their pages (off by default: scorecards are often published)")
    .option('--provisional', 'with --include-incentives, compute payouts from periods that are not closed yet, marked provisional')
    .addOption(maxFileSizeOption())
    .action(async (dir: string, options: RenderOptions) => {
      await checkOutputFolder(options.out, dir, io.cwd);
      const result = await validOrReport(context, dir, options.maxFileSize);
      if (!result) return;
      if (options.format === 'xlsx') {
        // One workbook for directors who read results in a spreadsheet: templates and history do not apply.
        const [{ scorecardSheets }, { workbookFromSheets }, { writeWorkbookFile }] = await Promise.all([
          import('../../spreadsheet/scorecard-sheets.js'),
          import('../../spreadsheet/sheet-data.js'),
          import('../../spreadsheet/write-workbook.js'),
        ]);
        const report = scoreRepository(result.model, options.asOf === undefined ? {} : { asOf: options.asOf });
        const file = path.join(options.out, 'scorecards.xlsx');
        const sheets = scorecardSheets(report, result.model, { locale: options.locale ?? result.model.settings.locale });
        await writeWorkbookFile(file, await workbookFromSheets(sheets), { goalsDir: dir, cwd: io.cwd });
        io.stdout(`${scorecardsWritten(file, report.teams.length, report.asOf)}\n`);
        return;
      }
      const [{ loadTemplates }, { renderScorecardFiles }, { revisionsFromGit }] = await Promise.all([
        import('../../render/templates.js'),
        import('../../render/render.js'),
        import('../../history/read-history.js'),
      ]);
      const templates = await loadTemplates(options.template === undefined ? undefined : path.resolve(io.cwd, options.template)).catch((error: Error) => {
        throw new UsageError(`Cannot read the templates in "${options.template}": ${isFileSystemError(error) ? fileSystemReason(error) : error.message}.`);
      });
      // For a PDF, the Chromium that prints it is looked for before anything is rendered.
      const pdf = options.format === 'pdf' ? await import('../../render/pdf.js') : undefined;
      const chromiumPath = pdf === undefined ? undefined : await pdf.findChromium(io.env);
      const report = scoreRepository(result.model, { ...(options.asOf === undefined ? {} : { asOf: options.asOf }), provisional: options.provisional ?? false });
      const formats: OutputFormat[] = options.format === 'both' ? ['md', 'html'] : options.format === 'pdf' ? ['html'] : [options.format];
      const revisions = options.history ? await revisionsFromGit(io.cwd, dir, result.model, io.stderr) : new Map();
      const pages = renderScorecardFiles(report, result.model, {
        locale: options.locale ?? result.model.settings.locale,
        formats,
        templates,
        revisions,
        includeIncentives: options.includeIncentives ?? false,
      });
      const checkedPages = function* () {
        try {
          yield* pages;
        } catch (error) {
          throw new UsageError(`A template failed: ${(error as Error).message}`);
        }
      };
      if (pdf !== undefined && chromiumPath !== undefined) {
        // The team pages only, for the quarterly review still sent as one PDF.
        const site = [...checkedPages()];
        const teamPages = site.filter((file) => file.path.startsWith('teams/'));
        const styles = site.find((file) => file.path === 'styles.css')?.content ?? '';
        const file = path.join(options.out, 'scorecards.pdf');
        const bytes = await pdf.printPdf(pdf.combinedTeamPages(teamPages, styles), chromiumPath);
        await mkdir(path.resolve(io.cwd, options.out), { recursive: true });
        await pdf.writePdfFile(path.resolve(io.cwd, file), bytes);
        io.stdout(`${escapeTerminal(`Wrote ${file}: ${teamPages.length} team scorecard${teamPages.length === 1 ? '' : 's'}, each from a new page (as of ${report.asOf ?? 'no actuals'}).`)}\n`);
        return;
      }
      const { written, unchanged } = await writeOutputFiles(options.out, checkedPages(), io.cwd);
      const teams = report.teams.length;
      const people = [...written, ...unchanged].filter((file) => path.basename(path.dirname(file)) === 'people').length / formats.length;
      const files = `${written.length} file${written.length === 1 ? '' : 's'}`;
      io.stdout(
        `Wrote ${files} to ${options.out}/${unchanged.length > 0 ? ` (${unchanged.length} unchanged)` : ''}: ${formats.map((f) => `index.${f}`).join(' and ')}, ${teams} team scorecard${teams === 1 ? '' : 's'} and ${people} personal scorecard${people === 1 ? '' : 's'} (as of ${report.asOf ?? 'no actuals'}).\n`,
      );
    });
}
