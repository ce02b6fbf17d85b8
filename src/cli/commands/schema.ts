import path from 'node:path';
import type { Command } from 'commander';
import { readGoalsDirectory } from '../../load/read-directory.js';
import { specialisedSchemasDir } from '../../model/schema/common.js';
import { writeOutputFiles } from '../../render/write-output.js';
import { validateRepository } from '../../validate.js';
import { exitCodes, type CommandContext } from '../context.js';
import { defaultSchemasDir, refreshSchemasCommand, staleSpecialisedSchemas } from '../specialised-schemas.js';

export function registerSchema(program: Command, context: CommandContext): void {
  const { io } = context;
  program
    .command('schema')
    .description("Write the schemas specialised for a repository: its KPI, team, person and goal ids as enums, for the editor's autocomplete.")
    .argument('[dir]', 'the goals folder', 'goals')
    .option('-o, --out <dir>', `the folder of the schemas (default: ${specialisedSchemasDir} beside the goals folder, where goalpost init puts them)`)
    .option('--check', 'write nothing; exit 1 when the schemas there no longer list the repository’s KPI, team, people or goal ids')
    .action(async (dir: string, options: { out?: string; check?: boolean }) => {
      const files = await readGoalsDirectory(dir, io.cwd);
      const { model } = validateRepository(files);
      const out = options.out ?? defaultSchemasDir(dir, io.cwd);
      if (options.check) {
        const stale = await staleSpecialisedSchemas(model, path.resolve(io.cwd, out));
        if (stale.length === 0) {
          io.stdout(`The schemas in ${out} are up to date.\n`);
          return;
        }
        io.stdout(`The schemas in ${out} are out of date (${stale.join(', ')}): refresh them with ${refreshSchemasCommand(dir, out)}\n`);
        context.setExitCode(exitCodes.problems);
        return;
      }
      const { specialisedSchemaFiles } = await import('../../model/schema/specialise.js');
      const schemas = specialisedSchemaFiles(model).map(({ fileName, content }) => ({ path: fileName, content }));
      await writeOutputFiles(path.resolve(io.cwd, out), schemas);
      io.stdout(`Wrote ${schemas.map((s) => `${out}/${s.path}`).join(', ')} with ${model.kpis.size} KPIs, ${model.teams.size} teams and their people.\n`);
    });
}
