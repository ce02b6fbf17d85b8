import path from 'node:path';
import { InvalidArgumentError, Option } from 'commander';
import { countBySeverity } from '../diagnostics/diagnostic.js';
import { DiskCache } from '../load/disk-cache.js';
import { fileSystemReason, isFileSystemError } from '../load/file-system-error.js';
import { isYamlPath } from '../load/load-file.js';
import { combineLoaded } from '../load/load-repository.js';
import { readGoalFiles } from '../load/read-directory.js';
import { isMonth } from '../model/period.js';
import { formatText } from '../reporters/text.js';
import { checkRepository, validateRepository, type ValidationResult } from '../validate.js';

/** What the CLI may touch of its process, so tests can run it in-process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is a terminal (for colours). */
  isTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
  /** The working directory, for git. */
  cwd: string;
  /**
   * The script of a worker thread that reads YAML (the bundle's
   * yaml-worker.js), to read a large repository on two threads; without it,
   * everything is read on this one.
   */
  yamlWorker?: URL | undefined;
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

/**
 * Below this much YAML (a company of about 300 teams), files are all read on
 * one thread: measured on two cores, a worker saves nothing at 0.6 MB and
 * about a sixth of the time at 6 MB.
 */
export const parallelYamlBytes = 2 * 1024 * 1024;

/**
 * Reads and validates a goals folder, with the load cache when one is asked
 * for. The cache only ever saves time: one that cannot be written is a
 * warning, and the result and the exit status stay what they would be without it.
 */
export async function validateDirectory(dir: string, io: Pick<CliIo, 'cwd' | 'stderr' | 'yamlWorker'>, maxFileSize: number, cacheDir?: string): Promise<ValidationResult> {
  const maxFileBytes = Math.floor(maxFileSize * 1024 * 1024);
  const files = await readGoalFiles(dir, io.cwd, maxFileBytes);
  if (cacheDir === undefined) {
    // A large repository's YAML is read on two threads; for a small one, starting a worker would cost more than it saves.
    const yamlBytes = files.reduce((sum, file) => sum + (isYamlPath(file.path) ? file.bytes.length : 0), 0);
    if (!io.yamlWorker || yamlBytes < parallelYamlBytes) return validateRepository(files, { maxFileBytes });
    // Loaded only here: worker threads are no part of starting up for a small repository.
    const { loadInParallel, startYamlWorker } = await import('../load/read-in-parallel.js');
    const worker = startYamlWorker(io.yamlWorker);
    try {
      return checkRepository(combineLoaded((await loadInParallel(files, { maxFileBytes }, worker)).loaded));
    } finally {
      void worker?.terminate();
    }
  }
  const cache = DiskCache.open(path.resolve(io.cwd, cacheDir));
  const result = validateRepository(files, { maxFileBytes }, cache);
  try {
    cache.write();
  } catch (error) {
    if (!isFileSystemError(error)) throw error;
    io.stderr(`goalpost: warning: the cache was not saved in ${JSON.stringify(cacheDir)}: ${fileSystemReason(error)}. Validation is not affected.\n`);
  }
  return result;
}

/** Validation first: scores of a repository with errors would be wrong, so print the errors instead. */
export async function validOrReport(context: CommandContext, dir: string, maxFileSize: number): Promise<ValidationResult | undefined> {
  const result = await validateDirectory(dir, context.io, maxFileSize);
  if (countBySeverity(result.diagnostics).errors === 0) return result;
  context.io.stderr(formatText(result.diagnostics, { color: useColor(context.io) }));
  context.io.stderr('goalpost: fix the errors above first.\n');
  context.setExitCode(exitCodes.problems);
  return undefined;
}
