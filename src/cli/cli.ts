import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { countBySeverity } from '../diagnostics/diagnostic.js';
import { isMonth, parsePeriod } from '../model/period.js';
import { idPattern, specialisedSchemasDir } from '../model/schema/common.js';
import { DiskCache } from '../load/disk-cache.js';
import { readGoalsDirectory, UsageError } from '../load/read-directory.js';
import { formatGithub } from '../reporters/github.js';
import { formatJson } from '../reporters/json.js';
import { formatSarif } from '../reporters/sarif.js';
import { formatScoreCsv } from '../reporters/score-csv.js';
import { formatScoreText } from '../reporters/score-text.js';
import { formatText } from '../reporters/text.js';
import { locales, type Locale } from '../model/kinds.js';
import type { GoalEvent } from '../history/goal-history.js';
import type { OutputFormat } from '../render/render.js';
import { checkOutputFolder, writeNewFiles, writeOutputFiles } from '../render/write-output.js';
import { scoreRepository } from '../score/score.js';
import { validateRepository, type ValidationResult } from '../validate.js';
import { version } from '../version.js';

/** What the CLI may touch of its process, so tests can run it in-process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is a terminal (for colours). */
  isTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
  /** The working directory, for git. */
  cwd: string;
}

export const exitCodes = { ok: 0, problems: 1, usage: 2 } as const;

function useColor(io: CliIo): boolean {
  if (io.env['NO_COLOR'] !== undefined && io.env['NO_COLOR'] !== '') return false;
  if (io.env['FORCE_COLOR'] !== undefined && io.env['FORCE_COLOR'] !== '0') return true;
  return io.isTTY;
}

function positiveNumber(value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new InvalidArgumentError('It must be a positive number.');
  return number;
}

function month(value: string): string {
  if (!isMonth(value)) throw new InvalidArgumentError('It must be a month, YYYY-MM (for example 2026-11).');
  return value;
}

const maxFileSizeOption = () =>
  new Option('--max-file-size <megabytes>', 'refuse files larger than this').argParser(positiveNumber).default(16);

/** The events a `goalpost log` argument asks for: a goal by id (with its team and period optional), or a team. */
function selectEvents(
  events: GoalEvent[],
  selector: string | undefined,
  latest: ValidationResult['model'] | undefined,
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

/** The goals folder in the working tree; a folder deleted by the change has no files rather than an error. */
async function readWorkingTree(dir: string, cwd: string) {
  try {
    return await readGoalsDirectory(dir, cwd);
  } catch (error) {
    if (error instanceof UsageError) return [];
    throw error;
  }
}

async function validateDirectory(dir: string, cwd: string, maxFileSize: number, cacheDir?: string): Promise<ValidationResult> {
  const files = await readGoalsDirectory(dir, cwd);
  if (files.length === 0) throw new UsageError(`The folder "${dir}" holds no YAML or CSV files.`);
  const cache = cacheDir === undefined ? undefined : DiskCache.open(path.resolve(cwd, cacheDir));
  const result = validateRepository(files, { maxFileBytes: Math.floor(maxFileSize * 1024 * 1024) }, cache);
  cache?.write();
  return result;
}

/**
 * Runs goalpost with the given arguments (without `node` and the script) and
 * returns the exit status: 0 fine, 1 problems found, 2 usage or I/O error.
 */
export async function cli(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode: number = exitCodes.ok;
  const program = new Command('goalpost')
    .version(version, '-V, --version', 'Show the version.')
    .description('Goals and KPIs as code: validate goal files, score them against actuals, and report.')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showSuggestionAfterError(true)
    .helpOption('-h, --help', 'Show help.');

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
      const { diagnostics } = await validateDirectory(dir, io.cwd, options.maxFileSize, cacheDir);
      const reporters = {
        text: () => formatText(diagnostics, { color: useColor(io) }),
        json: () => formatJson(diagnostics),
        github: () => formatGithub(diagnostics),
        sarif: () => formatSarif(diagnostics, { toolVersion: version, baseDir: io.cwd }),
      };
      io.stdout(reporters[options.format]());
      exitCode = countBySeverity(diagnostics).errors > 0 ? exitCodes.problems : exitCodes.ok;
    });

  /** Validation first: scores of a repository with errors would be wrong, so print the errors instead. */
  const validOrReport = async (dir: string, maxFileSize: number): Promise<ValidationResult | undefined> => {
    const result = await validateDirectory(dir, io.cwd, maxFileSize);
    if (countBySeverity(result.diagnostics).errors === 0) return result;
    io.stderr(formatText(result.diagnostics, { color: useColor(io) }));
    io.stderr('goalpost: fix the errors above first.\n');
    exitCode = exitCodes.problems;
    return undefined;
  };

  program
    .command('score')
    .description('Compute attainment, pace, forecast, status and team scores from the committed actuals.')
    .argument('[dir]', 'the goals folder', 'goals')
    .option('--as-of <month>', 'the last month to count (default: the latest month with actuals)', month)
    .addOption(new Option('-f, --format <format>', 'output format: json for scripts, text for a terminal, csv for a spreadsheet').choices(['json', 'text', 'csv']).default('json'))
    .addOption(maxFileSizeOption())
    .action(async (dir: string, options: { format: 'text' | 'json' | 'csv'; asOf?: string; maxFileSize: number }) => {
      const result = await validOrReport(dir, options.maxFileSize);
      if (!result) return;
      const report = scoreRepository(result.model, options.asOf === undefined ? {} : { asOf: options.asOf });
      const formats = { json: () => `${JSON.stringify(report, null, 2)}\n`, text: () => formatScoreText(report, { currency: result.model.settings.currency }), csv: () => formatScoreCsv(report) };
      io.stdout(formats[options.format]());
    });

  program
    .command('render')
    .description('Write Markdown and HTML scorecards: an index, a page per team and goal set, and a page per person.')
    .argument('[dir]', 'the goals folder', 'goals')
    .option('--as-of <month>', 'the last month to count (default: the latest month with actuals)', month)
    .addOption(new Option('-f, --format <format>', 'which scorecards to write').choices(['md', 'html', 'both']).default('both'))
    .option('-o, --out <dir>', 'the folder to write to', 'out')
    .option('--template <dir>', 'a folder of templates that replace the default ones of the same file name')
    .addOption(new Option('--locale <locale>', 'the language of the scorecards (default: from goalpost.yaml)').choices([...locales]))
    .option('--no-history', 'do not read git history for "target revised" notes')
    .addOption(maxFileSizeOption())
    .action(
      async (
        dir: string,
        options: { format: 'md' | 'html' | 'both'; asOf?: string; out: string; template?: string; locale?: Locale; history: boolean; maxFileSize: number },
      ) => {
        await checkOutputFolder(path.resolve(io.cwd, options.out), path.resolve(io.cwd, dir));
        const result = await validOrReport(dir, options.maxFileSize);
        if (!result) return;
        const [{ loadTemplates }, { renderScorecardFiles }, { revisionsFromGit }] = await Promise.all([
          import('../render/templates.js'),
          import('../render/render.js'),
          import('../history/read-history.js'),
        ]);
        const templates = await loadTemplates(options.template === undefined ? undefined : path.resolve(io.cwd, options.template)).catch((error: NodeJS.ErrnoException) => {
          throw new UsageError(`Cannot read the templates in "${options.template}": ${error.code ?? error.message}.`);
        });
        const report = scoreRepository(result.model, options.asOf === undefined ? {} : { asOf: options.asOf });
        const formats: OutputFormat[] = options.format === 'both' ? ['md', 'html'] : [options.format];
        const revisions = options.history ? await revisionsFromGit(io.cwd, dir, result.model) : new Map();
        const pages = renderScorecardFiles(report, result.model, { locale: options.locale ?? result.model.settings.locale, formats, templates, revisions });
        const checkedPages = function* () {
          try {
            yield* pages;
          } catch (error) {
            throw new UsageError(`A template failed: ${(error as Error).message}`);
          }
        };
        const written = await writeOutputFiles(path.resolve(io.cwd, options.out), checkedPages());
        const teams = report.teams.length;
        const people = written.filter((file) => path.basename(path.dirname(file)) === 'people').length / formats.length;
        io.stdout(
          `Wrote ${written.length} files to ${options.out}/: ${formats.map((f) => `index.${f}`).join(' and ')}, ${teams} team scorecard${teams === 1 ? '' : 's'} and ${people} personal scorecard${people === 1 ? '' : 's'} (as of ${report.asOf ?? 'no actuals'}).\n`,
        );
      },
    );

  program
    .command('diff')
    .description('Explain what a change does to the goals: targets, weights, owners, breakdowns, KPIs, and their effect on scores.')
    .argument('[base]', 'the revision to compare with (default: where this branch left the default branch)')
    .argument('[head]', 'the revision to compare (default: the working tree)')
    .option('-d, --dir <dir>', 'the goals folder', 'goals')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'md', 'json']).default('text'))
    .action(async (base: string | undefined, head: string | undefined, options: { dir: string; format: 'text' | 'md' | 'json' }) => {
      const [{ GitGoals }, { compareRepositories }, { formatDiff }] = await Promise.all([
        import('../git/git.js'),
        import('../diff/compare.js'),
        import('../diff/format-diff.js'),
      ]);
      const repository = await GitGoals.open(io.cwd, options.dir);
      const baseRevision = base === undefined ? await repository.defaultBase() : await repository.resolve(base);
      const baseFiles = await repository.filesAt(baseRevision);
      const headFiles = head === undefined ? await readWorkingTree(options.dir, io.cwd) : await repository.filesAt(await repository.resolve(head));
      const diff = compareRepositories(baseFiles, headFiles);
      io.stdout(options.format === 'json' ? `${JSON.stringify(diff, null, 2)}\n` : formatDiff(diff, options.format));
    });

  program
    .command('log')
    .description('The history of targets, weights and owners from git, with the commit message as the reason.')
    .argument('[goal]', 'a goal (q4-revenue, marketing/q4-revenue or marketing/2026-Q4/q4-revenue) or a team (every goal of it); default: all')
    .option('-d, --dir <dir>', 'the goals folder', 'goals')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (goal: string | undefined, options: { dir: string; format: 'text' | 'json' }) => {
      const [{ GitGoals }, { goalHistory, eventsOfGoal }, { readVersions }, { formatHistory }] = await Promise.all([
        import('../git/git.js'),
        import('../history/goal-history.js'),
        import('../history/read-history.js'),
        import('../history/format-history.js'),
      ]);
      const repository = await GitGoals.open(io.cwd, options.dir);
      const versions = await readVersions(repository);
      const events = selectEvents(goalHistory(versions), goal, versions.at(-1)?.model, eventsOfGoal);
      io.stdout(options.format === 'json' ? `${JSON.stringify(events, null, 2)}\n` : formatHistory(events));
    });

  program
    .command('lsp')
    .description('Run the goalpost language server over stdio, for editors: live diagnostics and completion of ids.')
    .option('--stdio', 'talk over standard input and output (the only transport, accepted for editors that pass it)')
    .option('-d, --dir <dir>', 'the goals folder, relative to the workspace root (default: goals, if it exists)')
    .action(async (options: { dir?: string }) => {
      // Loaded only here: the other commands do not pay for the language server library.
      const { startLanguageServer } = await import('../lsp/server.js');
      await startLanguageServer(options.dir === undefined ? {} : { goalsPath: options.dir });
    });

  program
    .command('schema')
    .description("Write the schemas specialised for a repository: its KPI, team, person and goal ids as enums, for the editor's autocomplete.")
    .argument('[dir]', 'the goals folder', 'goals')
    .requiredOption('-o, --out <dir>', `the folder to write them to (goalpost init uses ${specialisedSchemasDir})`)
    .action(async (dir: string, options: { out: string }) => {
      const [{ specialiseSchemas }, { schemaFileText }] = await Promise.all([import('../model/schema/specialise.js'), import('../model/schema/index.js')]);
      const files = await readGoalsDirectory(dir, io.cwd);
      const { model } = validateRepository(files);
      const schemas = specialiseSchemas(model).map(({ fileName, schema }) => ({ path: fileName, content: schemaFileText(schema) }));
      await writeOutputFiles(path.resolve(io.cwd, options.out), schemas);
      io.stdout(`Wrote ${schemas.map((s) => `${options.out}/${s.path}`).join(', ')} with ${model.kpis.size} KPIs, ${model.teams.size} teams and their people.\n`);
    });

  program
    .command('init')
    .description('Create a goals repository: settings, the standard marketing KPIs, a team, a goal set, actuals, editor settings and the workflow.')
    .argument('[dir]', 'where to create it', '.')
    .option('--team <id>', 'the id of the first team', 'marketing')
    .option('--period <period>', 'the period of the first goal set (default: the current quarter)')
    .addOption(new Option('--locale <locale>', 'the language of the names and scorecards').choices([...locales]).default('zh-CN'))
    .action(async (dir: string, options: { team: string; period?: string; locale: Locale }) => {
      const [{ currentQuarter, initialRepository }, { specialiseSchemas }, { schemaFileText }, { packageRoot }] = await Promise.all([
        import('../init/init.js'),
        import('../model/schema/specialise.js'),
        import('../model/schema/index.js'),
        import('../render/templates.js'),
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

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; every other commander error is a usage error it has already printed.
      return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
    }
    if (error instanceof UsageError) {
      io.stderr(`goalpost: ${error.message}\n`);
      return exitCodes.usage;
    }
    throw error;
  }
}
