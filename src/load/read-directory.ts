import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isCsvPath, isYamlPath, type RepositoryFile } from './load-file.js';

/** A problem with the command line or the file system rather than with the goals: exit status 2. */
export class UsageError extends Error {}

/**
 * Reads every YAML and CSV file under `dir`, relative to `cwd` (skipping
 * hidden folders and node_modules). Paths are reported as `dir` joined with the relative path,
 * with forward slashes, so diagnostics read the way the user typed the folder.
 */
export async function readGoalsDirectory(dir: string, cwd = process.cwd()): Promise<RepositoryFile[]> {
  const absoluteDir = path.resolve(cwd, dir);
  let info;
  try {
    info = statSync(absoluteDir);
  } catch {
    throw new UsageError(`The goals folder "${dir}" does not exist.`);
  }
  if (!info.isDirectory()) throw new UsageError(`"${dir}" is not a folder.`);
  const files: RepositoryFile[] = [];
  // Synchronous reads: thousands of small files are read faster one after the other than through the event loop.
  const walk = (absolute: string, shown: string): void => {
    const entries = readdirSync(absolute, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const entryPath = path.join(absolute, entry.name);
      const shownPath = shown === '' ? entry.name : `${shown}/${entry.name}`;
      if (entry.isDirectory()) walk(entryPath, shownPath);
      else if (entry.isFile() && (isYamlPath(entry.name) || isCsvPath(entry.name))) {
        try {
          files.push({ path: shownPath, bytes: readFileSync(entryPath) });
        } catch (error) {
          throw new UsageError(`Cannot read ${shownPath}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
        }
      }
    }
  };
  const shownRoot = dir.split(path.sep).join('/').replace(/\/+$/, '');
  walk(absoluteDir, shownRoot === '.' ? '' : shownRoot);
  return files;
}
