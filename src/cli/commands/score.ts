import { Option, type Command } from 'commander';
import { formatScoreCsv } from '../../reporters/score-csv.js';
import { formatScoreText } from '../../reporters/score-text.js';
import { scoreRepository } from '../../score/score.js';
import { printableJsonPieces } from '../../text/terminal.js';
import { maxFileSizeOption, month, validOrReport, type CommandContext } from '../context.js';

export function registerScore(program: Command, context: CommandContext): void {
  program
    .command('score')
    .description('Compute attainment, pace, forecast, status and team scores from the committed actuals.')
    .argument('[dir]', 'the goals folder', 'goals')
    .option('--as-of <month>', 'the last month to count (default: the latest month with actuals)', month)
    .addOption(new Option('-f, --format <format>', 'output format: json for scripts, text for a terminal, csv for a spreadsheet').choices(['json', 'text', 'csv']).default('json'))
    .option('--provisional', 'compute payouts from periods that are not closed yet too, marked provisional')
    .addOption(maxFileSizeOption())
    .action(async (dir: string, options: { format: 'text' | 'json' | 'csv'; asOf?: string; maxFileSize: number; provisional?: boolean }) => {
      const result = await validOrReport(context, dir, options.maxFileSize);
      if (!result) return;
      const report = scoreRepository(result.model, { ...(options.asOf === undefined ? {} : { asOf: options.asOf }), provisional: options.provisional ?? false });
      if (options.format === 'json') {
        writeInChunks(printableJsonPieces(report), context.io.stdout);
        return;
      }
      const formats = {
        text: () => formatScoreText(report, { currency: result.model.settings.currency, fiscalYearStart: result.model.settings.fiscalYearStart }),
        csv: () => formatScoreCsv(report),
      };
      context.io.stdout(formats[options.format]());
    });
}

/** Writes pieces of text in chunks of about a megabyte: few writes, and never one string too long to hold. */
function writeInChunks(pieces: Iterable<string>, write: (text: string) => void): void {
  let chunk: string[] = [];
  let size = 0;
  for (const piece of pieces) {
    chunk.push(piece);
    size += piece.length;
    if (size >= 1 << 20) {
      write(chunk.join(''));
      chunk = [];
      size = 0;
    }
  }
  if (chunk.length > 0) write(chunk.join(''));
}
