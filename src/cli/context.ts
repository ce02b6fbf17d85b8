import path from 'node:path';
import { InvalidArgumentError, Option } from 'commander';
import { countBySeverity } from '../diagnostics/diagnostic.js';
import { DiskCache } from '../load/disk-cache.js';
import { readGoalsDirectory, UsageError } from '../load/read-directory.js';
import { isMonth } from '../model/period.js';
import { formatText } from '../reporters/text.js';
import { validateRepository, type ValidationResult } from '../validate.js';

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

/** What a command gets: the process's input and output, and a way to say it found problems. */
export interface CommandContext {
  io: CliIo;
  setExitCode(code: number): void;
}

export function useColor(io: CliIo): boolean {
  if (io.env['NO_COLOR'] !== undefined && io.env['NO_COLOR'] !== '') return false;
  if (io.env['FORCE_COLOR'] !== undefined && io.env['FORCE_COLOR'] !== '0') return true;
  return io.isTTY;
}

function positiveNumber(value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new InvalidArgumentError('It must be a positive number.');
  return number;
}

/** Parses a month argument such as `--as-of 2026-11`. */
export function month(value: string): string {
  if (!isMonth(value)) throw new InvalidArgumentError('It must be a month, YYYY-MM (for example 2026-11).');
  return value;
}

export const maxFileSizeOption = () =>
  new Option('--max-file-size <megabytes>', 'refuse files larger than this').argParser(positiveNumber).default(16);

export async function validateDirectory(dir: string, cwd: string, maxFileSize: number, cacheDir?: string): Promise<ValidationResult> {
  const files = await readGoalsDirectory(dir, cwd);
  if (files.length === 0) throw new UsageError(`The folder "${dir}" holds no YAML or CSV files.`);
  const cache = cacheDir === undefined ? undefined : DiskCache.open(path.resolve(cwd, cacheDir));
  const result = validateRepository(files, { maxFileBytes: Math.floor(maxFileSize * 1024 * 1024) }, cache);
  cache?.write();
  return result;
}

/** Validation first: scores of a repository with errors would be wrong, so print the errors instead. */
export async function validOrReport(context: CommandContext, dir: string, maxFileSize: number): Promise<ValidationResult | undefined> {
  const result = await validateDirectory(dir, context.io.cwd, maxFileSize);
  if (countBySeverity(result.diagnostics).errors === 0) return result;
  context.io.stderr(formatText(result.diagnostics, { color: useColor(context.io) }));
  context.io.stderr('goalpost: fix the errors above first.\n');
  context.setExitCode(exitCodes.problems);
  return undefined;
}
