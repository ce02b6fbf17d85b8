import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { defaultMaxFileBytes } from './decode.js';
import { fileSystemErrorMessage, isFileSystemError } from './file-system-error.js';
import { isCsvPath, isQueryPath, isYamlPath, type RepositoryFile } from './load-file.js';

/** A problem with the command line or the file system rather than with the goals: exit status 2. */
export class UsageError extends Error {}

/**
 * Reads every YAML, CSV and SQL file under `dir`, relative to `cwd` (skipping
 * hidden folders and node_modules). Paths are reported as `dir` joined with the relative path,
 * with forward slashes, so diagnostics read the way the user typed the folder.
 * A folder or file that cannot be read is a usage error that names it. A
 * file larger than `maxFileBytes` is not read (validation refuses it by its size).
 */
export async function readGoalsDirectory(dir: string, cwd = process.cwd(), maxFileBytes = defaultMaxFileBytes): Promise<RepositoryFile[]> {
  const absoluteDir = path.resolve(cwd, dir);
  let info;
  try {
    info = statSync(absoluteDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError(`The goals folder "${dir}" does not exist.`);
    throw asUsageError(error, cwd);
  }
  if (!info.isDirectory()) throw new UsageError(`"${dir}" is not a folder.`);
  const files: RepositoryFile[] = [];
  // Synchronous reads: thousands of small files are read faster one after the other than through the event loop.
  const walk = (absolute: string, shown: string): void => {
    let entries;
    try {
      entries = readdirSync(absolute, { withFileTypes: true });
    } catch (error) {
      throw asUsageError(error, cwd);
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const entryPath = path.join(absolute, entry.name);
      const shownPath = shown === '' ? entry.name : `${shown}/${entry.name}`;
      if (entry.isDirectory()) walk(entryPath, shownPath);
      else if (entry.isFile() && (isYamlPath(entry.name) || isCsvPath(entry.name) || isQueryPath(entry.name))) {
        try {
          // A file over the limit is refused unread: its size is enough to say so.
          const { size } = statSync(entryPath);
          files.push(size > maxFileBytes ? { path: shownPath, bytes: new Uint8Array(0), size } : { path: shownPath, bytes: readFileSync(entryPath) });
        } catch (error) {
          throw asUsageError(error, cwd);
        }
      }
    }
  };
  const shownRoot = dir.split(path.sep).join('/').replace(/\/+$/, '');
  walk(absoluteDir, shownRoot === '.' ? '' : shownRoot);
  return files;
}

/**
 * The goals folder's files, refusing a folder without a single YAML or CSV
 * file: there is nothing to check, and calling it valid would hide a wrong path.
 */
export async function readGoalFiles(dir: string, cwd: string, maxFileBytes?: number): Promise<RepositoryFile[]> {
  const files = await readGoalsDirectory(dir, cwd, maxFileBytes);
  if (files.length === 0) throw new UsageError(`The folder "${dir}" holds no YAML or CSV files.`);
  return files;
}

function asUsageError(error: unknown, cwd: string): unknown {
  return isFileSystemError(error) ? new UsageError(fileSystemErrorMessage(error, cwd)) : error;
}
