import { Option, type Command } from 'commander';
import { formatScoreCsv } from '../../reporters/score-csv.js';
import { formatScoreText } from '../../reporters/score-text.js';
import { scoreRepository } from '../../score/score.js';
import { printableJson } from '../../text/terminal.js';
import { maxFileSizeOption, month, validOrReport, type CommandContext } from '../context.js';

export function registerScore(program: Command, context: CommandContext): void {
  program
    .command('score')
    .description('Compute attainment, pace, forecast, status and team scores from the committed actuals.')
    .argument('[dir]', 'the goals folder', 'goals')
    .option('--as-of <month>', 'the last month to count (default: the latest month with actuals)', month)
    .addOption(new Option('-f, --format <format>', 'output format: json for scripts, text for a terminal, csv for a spreadsheet').choices(['json', 'text', 'csv']).default('json'))
    .addOption(maxFileSizeOption())
    .action(async (dir: string, options: { format: 'text' | 'json' | 'csv'; asOf?: string; maxFileSize: number }) => {
      const result = await validOrReport(context, dir, options.maxFileSize);
      if (!result) return;
      const report = scoreRepository(result.model, options.asOf === undefined ? {} : { asOf: options.asOf });
      const formats = {
        json: () => printableJson(report),
        text: () => formatScoreText(report, { currency: result.model.settings.currency, fiscalYearStart: result.model.settings.fiscalYearStart }),
        csv: () => formatScoreCsv(report),
      };
      context.io.stdout(formats[options.format]());
    });
}
