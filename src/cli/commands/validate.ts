import { Option, type Command } from 'commander';
import { countBySeverity } from '../../diagnostics/diagnostic.js';
import { formatGithub } from '../../reporters/github.js';
import { formatJson } from '../../reporters/json.js';
import { formatSarif } from '../../reporters/sarif.js';
import { formatText } from '../../reporters/text.js';
import { version } from '../../version.js';
import { exitCodes, maxFileSizeOption, useColor, validateDirectory, type CommandContext } from '../context.js';
import { staleSchemasNote } from '../specialised-schemas.js';

export function registerValidate(program: Command, context: CommandContext): void {
  const { io } = context;
  program
    .command('validate')
    .description('Check a goals folder: YAML, schemas, references, breakdowns, weights, formulas and actuals.')
    .argument('[dir]', 'the goals folder', 'goals')
    .addOption(
      new Option('-f, --format <format>', 'output format: text, json, github (workflow annotations) or sarif (code scanning)')
        .choices(['text', 'json', 'github', 'sarif'])
        .default('text'),
    )
    .addOption(maxFileSizeOption())
    .option('--cache [dir]', 'keep what was loaded from each file, by content, to validate faster next time', false)
    .action(async (dir: string, options: { format: 'text' | 'json' | 'github' | 'sarif'; maxFileSize: number; cache: string | boolean }) => {
      const cacheDir = options.cache === false ? undefined : options.cache === true ? '.goalpost-cache' : options.cache;
      const { diagnostics, model } = await validateDirectory(dir, io, options.maxFileSize, cacheDir);
      const reporters = {
        text: () => formatText(diagnostics, { color: useColor(io) }),
        json: () => formatJson(diagnostics),
        github: () => formatGithub(diagnostics),
        sarif: () => formatSarif(diagnostics, { toolVersion: version, baseDir: io.cwd }),
      };
      io.stdout(reporters[options.format]());
      const errors = countBySeverity(diagnostics).errors;
      // A repository with errors is only partly read: its ids would make the schemas look stale.
      const note = errors === 0 ? await staleSchemasNote(model, dir, io.cwd) : undefined;
      if (note !== undefined) io.stderr(note);
      context.setExitCode(errors > 0 ? exitCodes.problems : exitCodes.ok);
    });
}
