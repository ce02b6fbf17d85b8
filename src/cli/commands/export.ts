import { Option, type Command } from 'commander';
import { locales, type Locale } from '../../model/kinds.js';
import { scoreRepository } from '../../score/score.js';
import { escapeTerminal } from '../../text/terminal.js';
import { maxFileSizeOption, month, validOrReport, type CommandContext } from '../context.js';

interface ExportOptions {
  format: 'xlsx';
  out?: string;
  scorecards?: boolean;
  asOf?: string;
  locale?: Locale;
  maxFileSize: number;
}

/**
 * `goalpost export`: the goal sets as a workbook in the layout `goalpost
 * import` reads, a sheet per goal set; or, with --scorecards, the scores as
 * `render --format xlsx` writes them.
 */
export function registerExport(program: Command, context: CommandContext): void {
  const { io } = context;
  program
    .command('export')
    .description('Write the goal sets as a workbook, a sheet per goal set in the layout goalpost import reads; or with --scorecards the scores.')
    .argument('[dir]', 'the goals folder', 'goals')
    .addOption(new Option('-f, --format <format>', 'the file format').choices(['xlsx']).default('xlsx'))
    .option('-o, --out <file>', 'the workbook to write (default: goals.xlsx, or scorecards.xlsx with --scorecards)')
    .option('--scorecards', "write the scorecards (teams' scores, goals and breakdown items, the actuals counted) instead of the goal sets")
    .option('--as-of <month>', 'with --scorecards, the last month to count (default: the latest month with actuals)', month)
    .addOption(new Option('--locale <locale>', "with --scorecards, the language of the headers and statuses (default: from goalpost.yaml)").choices([...locales]))
    .addOption(maxFileSizeOption())
    .action(async (dir: string, options: ExportOptions) => {
      const result = await validOrReport(context, dir, options.maxFileSize);
      if (!result) return;
      const [{ workbookFromSheets }, { writeWorkbookFile }] = await Promise.all([import('../../spreadsheet/sheet-data.js'), import('../../spreadsheet/write-workbook.js')]);
      if (options.scorecards) {
        const { scorecardSheets } = await import('../../spreadsheet/scorecard-sheets.js');
        const out = options.out ?? 'scorecards.xlsx';
        const report = scoreRepository(result.model, options.asOf === undefined ? {} : { asOf: options.asOf });
        await writeWorkbookFile(out, await workbookFromSheets(scorecardSheets(report, result.model, { locale: options.locale ?? result.model.settings.locale })), { goalsDir: dir, cwd: io.cwd });
        io.stdout(escapeTerminal(scorecardsWritten(out, report.teams.length, report.asOf)) + '\n');
        return;
      }
      const { planSheets } = await import('../../spreadsheet/plan-sheets.js');
      const out = options.out ?? 'goals.xlsx';
      const { sheets, leftOut } = planSheets(result.model);
      await writeWorkbookFile(out, await workbookFromSheets(sheets), { goalsDir: dir, cwd: io.cwd });
      const lines = [`Wrote ${out}: ${sheets.length} sheet${sheets.length === 1 ? '' : 's'}, one per goal set (${sheets.map((sheet) => sheet.name).join(', ')}).`];
      if (leftOut.length > 0) {
        lines.push('Not in the workbook, which has no columns for them (they stay in the YAML files):');
        for (const { sheet, what } of leftOut) lines.push(`  ${sheet}: ${what.join(', ')}`);
      }
      io.stdout(lines.map((line) => `${escapeTerminal(line)}\n`).join(''));
    });
}

/** What `export --scorecards` and `render --format xlsx` say they wrote. */
export function scorecardsWritten(file: string, teams: number, asOf: string | null): string {
  return `Wrote ${file}: ${teams} team scorecard${teams === 1 ? '' : 's'}, the teams' scores and the actuals counted (as of ${asOf ?? 'no actuals'}).`;
}
