import path from 'node:path';
import type { Command } from 'commander';
import { readGoalsDirectory } from '../../load/read-directory.js';
import { specialisedSchemasDir } from '../../model/schema/common.js';
import { writeOutputFiles } from '../../render/write-output.js';
import { validateRepository } from '../../validate.js';
import type { CommandContext } from '../context.js';

export function registerSchema(program: Command, context: CommandContext): void {
  const { io } = context;
  program
    .command('schema')
    .description("Write the schemas specialised for a repository: its KPI, team, person and goal ids as enums, for the editor's autocomplete.")
    .argument('[dir]', 'the goals folder', 'goals')
    .requiredOption('-o, --out <dir>', `the folder to write them to (goalpost init uses ${specialisedSchemasDir})`)
    .action(async (dir: string, options: { out: string }) => {
      const [{ specialiseSchemas }, { schemaFileText }] = await Promise.all([import('../../model/schema/specialise.js'), import('../../model/schema/index.js')]);
      const files = await readGoalsDirectory(dir, io.cwd);
      const { model } = validateRepository(files);
      const schemas = specialiseSchemas(model).map(({ fileName, schema }) => ({ path: fileName, content: schemaFileText(schema) }));
      await writeOutputFiles(path.resolve(io.cwd, options.out), schemas);
      io.stdout(`Wrote ${schemas.map((s) => `${options.out}/${s.path}`).join(', ')} with ${model.kpis.size} KPIs, ${model.teams.size} teams and their people.\n`);
    });
}
