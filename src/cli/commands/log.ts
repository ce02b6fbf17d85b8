import { Option, type Command } from 'commander';
import type { GoalEvent } from '../../history/goal-history.js';
import { UsageError } from '../../load/read-directory.js';
import type { GoalsModel } from '../../model/model.js';
import { printableJson } from '../../text/terminal.js';
import type { CommandContext } from '../context.js';

/** The events a `goalpost log` argument asks for: a goal by id (with its team and period optional), or a team. */
function selectEvents(
  events: GoalEvent[],
  selector: string | undefined,
  latest: GoalsModel | undefined,
  eventsOfGoal: (events: readonly GoalEvent[], team: string, period: string, id: string) => GoalEvent[],
): GoalEvent[] {
  if (selector === undefined) return events;
  const parts = selector.split('/');
  if (parts.length === 1 && latest?.teams.has(selector)) return events.filter((event) => event.team === selector);
  const id = parts.at(-1)!;
  const team = parts.length >= 2 ? parts[0] : undefined;
  const period = parts.length === 3 ? parts[1] : undefined;
  const matching = events.filter((event) => event.id === id && (team === undefined || event.team === team) && (period === undefined || event.period === period));
  if (matching.length === 0) throw new UsageError(`No goal or team "${selector}" has any history in this repository.`);
  const goalSets = [...new Map(matching.map((event) => [`${event.team}/${event.period}`, event])).values()];
  return goalSets.flatMap((event) => eventsOfGoal(events, event.team, event.period, id));
}

export function registerLog(program: Command, context: CommandContext): void {
  const { io } = context;
  program
    .command('log')
    .description('The history of targets, weights and owners from git, with the commit message as the reason.')
    .argument('[goal]', 'a goal (q4-revenue, marketing/q4-revenue or marketing/2026-Q4/q4-revenue) or a team (every goal of it); default: all')
    .option('-d, --dir <dir>', 'the goals folder', 'goals')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (goal: string | undefined, options: { dir: string; format: 'text' | 'json' }) => {
      const [{ GitGoals }, { goalHistory, eventsOfGoal }, { readVersions }, { formatHistory }] = await Promise.all([
        import('../../git/git.js'),
        import('../../history/goal-history.js'),
        import('../../history/read-history.js'),
        import('../../history/format-history.js'),
      ]);
      const repository = await GitGoals.open(io.cwd, options.dir);
      const versions = await readVersions(repository, { warn: io.stderr });
      const events = selectEvents(goalHistory(versions), goal, versions.at(-1)?.model, eventsOfGoal);
      io.stdout(options.format === 'json' ? printableJson(events) : formatHistory(events));
    });
}
