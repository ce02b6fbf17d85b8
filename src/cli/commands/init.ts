import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { UsageError } from '../../load/read-directory.js';
import { locales, type Locale } from '../../model/kinds.js';
import { parsePeriod } from '../../model/period.js';
import { idPattern, specialisedSchemasDir } from '../../model/schema/common.js';
import { writeNewFiles } from '../../render/write-output.js';
import { validateRepository } from '../../validate.js';
import type { CommandContext } from '../context.js';

export function registerInit(program: Command, context: CommandContext): void {
  const { io } = context;
  program
    .command('init')
    .description('Create a goals repository: settings, the standard marketing KPIs, a team, a goal set, actuals, editor settings and the workflow.')
    .argument('[dir]', 'where to create it', '.')
    .option('--team <id>', 'the id of the first team', 'marketing')
    .option('--period <period>', 'the period of the first goal set (default: the current quarter)')
    .addOption(new Option('--locale <locale>', 'the language of the names and scorecards').choices([...locales]).default('zh-CN'))
    .action(async (dir: string, options: { team: string; period?: string; locale: Locale }) => {
      const [{ currentQuarter, initialRepository }, { specialiseSchemas }, { schemaFileText }, { packageRoot }] = await Promise.all([
        import('../../init/init.js'),
        import('../../model/schema/specialise.js'),
        import('../../model/schema/index.js'),
        import('../../render/templates.js'),
      ]);
      if (!new RegExp(idPattern).test(options.team)) throw new UsageError(`"${options.team}" cannot be a team id: use letters, digits and . _ - only.`);
      const period = options.period ?? currentQuarter(new Date());
      if (!parsePeriod(period)) throw new UsageError(`"${period}" is not a period: write 2026, 2026-H2, 2026-Q4 or 2026-11.`);
      const workflow = (await readFile(path.join(packageRoot, '.github/workflows/goals.yml'), 'utf8')).replaceAll('uses: ./', 'uses: goalpost/goalpost@v1');
      const root = path.resolve(io.cwd, dir);
      const files = initialRepository({ team: options.team, period, locale: options.locale, workflow });
      const { model } = validateRepository(files.filter((f) => f.path.startsWith('goals/')).map((f) => ({ path: f.path, bytes: Buffer.from(f.content) })));
      const schemas = specialiseSchemas(model).map(({ fileName, schema }) => ({ path: `${specialisedSchemasDir}/${fileName}`, content: schemaFileText(schema) }));
      const { written, skipped } = await writeNewFiles(root, [...files, ...schemas]);
      const shown = (list: string[]): string => list.map((file) => `  ${path.join(dir, file)}`).join('\n');
      if (written.length > 0) io.stdout(`Created ${written.length} file${written.length === 1 ? '' : 's'}:\n${shown(written)}\n`);
      if (skipped.length > 0) io.stdout(`Skipped ${skipped.length} that already exist${skipped.length === 1 ? 's' : ''} (nothing is overwritten):\n${shown(skipped)}\n`);
      io.stdout(`Next: goalpost validate ${path.join(dir, 'goals')}; open the folder in VS Code with the recommended YAML extension for autocomplete.\n`);
    });
}
