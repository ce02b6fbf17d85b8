import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { readGoalsDirectory, UsageError } from '../../load/read-directory.js';
import { locales, type Locale } from '../../model/kinds.js';
import { parsePeriod } from '../../model/period.js';
import { idPattern, specialisedSchemasDir } from '../../model/schema/common.js';
import { writeNewFiles } from '../../render/write-output.js';
import { validateRepository } from '../../validate.js';
import type { CommandContext } from '../context.js';
import { refreshSchemasCommand, staleSpecialisedSchemas } from '../specialised-schemas.js';

interface InitCommandOptions {
  team: string;
  lead?: string;
  period?: string;
  locale?: Locale;
}

export function registerInit(program: Command, context: CommandContext): void {
  const { io } = context;
  program
    .command('init')
    .description(
      'Create a goals repository (settings, the standard marketing KPIs, a team, a goal set, actuals, editor settings and the workflow), or add a team and a goal set to an existing one.',
    )
    .argument('[dir]', 'where to create it', '.')
    .option('--team <id>', 'the id of the team', 'marketing')
    .option('--lead <person>', "the lead of a new team (default: the lead of the repository's first team)")
    .option('--period <period>', 'the period of the goal set (default: the current quarter)')
    .addOption(new Option('--locale <locale>', 'the language of the names and scorecards (default: the settings\' locale, else en)').choices([...locales]))
    .action(async (dir: string, options: InitCommandOptions) => {
      const [{ currentQuarter, initialRepository }, { specialisedSchemaFiles }, { packageRoot }] = await Promise.all([
        import('../../init/init.js'),
        import('../../model/schema/specialise.js'),
        import('../../render/templates.js'),
      ]);
      for (const [option, id] of [['team', options.team], ['person', options.lead]] as const) {
        if (id !== undefined && !new RegExp(idPattern).test(id)) throw new UsageError(`"${id}" cannot be a ${option} id: use letters, digits and . _ - only.`);
      }
      const period = options.period ?? currentQuarter(new Date());
      if (!parsePeriod(period)) throw new UsageError(`"${period}" is not a period: write 2026, 2026-H2, 2026-Q4 or 2026-11.`);
      const root = path.resolve(io.cwd, dir);
      // Paths as the new files name them (goals/...), so that the two can be validated together.
      const existingFiles = existsSync(path.join(root, 'goals')) ? await readGoalsDirectory('goals', root) : [];
      const existing = existingFiles.length > 0 ? validateRepository(existingFiles).model : undefined;
      const locale = options.locale ?? existing?.settings.locale ?? 'en';
      const workflow = await readFile(path.join(packageRoot, '.github/workflows/goals.yml'), 'utf8');
      const files = initialRepository({ team: options.team, lead: options.lead, period, locale, workflow, existing });

      const existingPaths = new Set(existingFiles.map((file) => file.path));
      const newGoalFiles = files.filter((file) => file.path.startsWith('goals/') && !existingPaths.has(file.path));
      const { model } = validateRepository([...existingFiles, ...newGoalFiles.map((file) => ({ path: file.path, bytes: Buffer.from(file.content) }))]);
      const schemas = specialisedSchemaFiles(model).map(({ fileName, content }) => ({ path: `${specialisedSchemasDir}/${fileName}`, content }));
      const { written, skipped } = await writeNewFiles(root, [...files, ...schemas]);

      const shown = (list: string[]): string => list.map((file) => `  ${path.join(dir, file)}`).join('\n');
      const goalsDir = path.join(dir, 'goals');
      if (existing) io.stdout(`Using the KPI catalog, settings and people of ${goalsDir} (${existing.kpis.size} KPIs, ${existing.teams.size} teams).\n`);
      if (written.length > 0) io.stdout(`Created ${written.length} file${written.length === 1 ? '' : 's'}:\n${shown(written)}\n`);
      if (skipped.length > 0) io.stdout(`Skipped ${skipped.length} that already exist${skipped.length === 1 ? 's' : ''} (nothing is overwritten):\n${shown(skipped)}\n`);
      if (existing?.goalSets.some((set) => set.team === options.team && set.period?.id === period)) {
        io.stdout(`The team ${options.team} already has a goal set for ${period}; choose another with --team or --period.\n`);
      }
      const schemasDir = path.join(dir, specialisedSchemasDir);
      if ((await staleSpecialisedSchemas(model, path.join(root, specialisedSchemasDir))).length > 0) {
        io.stdout(`The editor schemas in ${schemasDir} do not list the new ids yet: refresh them with ${refreshSchemasCommand(goalsDir, schemasDir)}\n`);
      }
      io.stdout(`Next: npx goalpost validate ${goalsDir}; open the folder in VS Code with the recommended YAML extension for autocomplete.\n`);
    });
}
