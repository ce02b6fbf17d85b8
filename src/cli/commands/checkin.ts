import { mkdir } from 'node:fs/promises';
import { writeNewFile } from '../write-new-file.js';
import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { isCalendarDate, newCheckIn } from '../../checkin/new-check-in.js';
import { isFileSystemError } from '../../load/file-system-error.js';
import { UsageError } from '../../load/read-directory.js';
import { idPattern } from '../../model/schema/common.js';
import { escapeTerminal } from '../../text/terminal.js';
import { maxFileSizeOption, validOrReport, type CommandContext } from '../context.js';

function calendarDate(value: string): string {
  if (!isCalendarDate(value)) throw new InvalidArgumentError('It must be a date, YYYY-MM-DD (for example 2026-11-15).');
  return value;
}

/** The day of a moment in the local calendar: the team checks in on the day it is where it works. */
function localDay(moment: Date): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${moment.getFullYear()}-${two(moment.getMonth() + 1)}-${two(moment.getDate())}`;
}

/**
 * `goalpost checkin`: writes the team's next check-in for it to edit. `today`
 * is the clock the default date comes from, so tests can fix it.
 */
export function registerCheckIn(program: Command, context: CommandContext, today: () => Date = () => new Date()): void {
  const { io } = context;
  program
    .command('checkin')
    .description("Write a team's next check-in (进度汇报) for it to edit: each goal with its previous confidence, and where it stands.")
    .argument('[dir]', 'the goals folder', 'goals')
    .requiredOption('--team <id>', 'the team checking in')
    .option('--date <date>', 'the date of the check-in, YYYY-MM-DD (default: today)', calendarDate)
    .addOption(maxFileSizeOption())
    .action(async (dir: string, options: { team: string; date?: string; maxFileSize: number }) => {
      if (!new RegExp(idPattern).test(options.team)) throw new UsageError(`"${options.team}" cannot be a team id: use letters, digits and . _ - only.`);
      const day = options.date ?? localDay(today());
      const result = await validOrReport(context, dir, options.maxFileSize);
      if (!result) return;
      const draft = newCheckIn(result.model, options.team, day);
      if (!draft.ok) throw new UsageError(draft.problem);
      const shown = path.join(dir, draft.path);
      const file = path.resolve(io.cwd, dir, draft.path);
      await mkdir(path.dirname(file), { recursive: true });
      try {
        await writeNewFile(file, draft.text);
      } catch (error) {
        if (isFileSystemError(error) && error.code === 'EEXIST') throw new UsageError(`${shown} already exists; goalpost checkin never overwrites a file. Edit it, or choose another --date.`);
        throw error;
      }
      io.stdout(
        escapeTerminal(
          `Wrote ${shown}: ${draft.goals} ${draft.goals === 1 ? 'goal' : 'goals'} of the ${draft.period} goal set of ${options.team}, by ${draft.author}. Set each confidence (0–10), add notes, blockers and next steps, then run goalpost validate ${dir}.`,
        ) + '\n',
      );
    });
}
