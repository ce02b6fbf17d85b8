import { randomBytes } from 'node:crypto';
import { lstat, mkdir, open, readdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileSystemReason, isFileSystemError } from '../load/file-system-error.js';
import { UsageError } from '../load/read-directory.js';
import type { OutputFile } from './render.js';

const stagingPrefix = '.goalpost-staging-';

/** The real path of `target`, or of its nearest existing ancestor joined with the rest. */
export async function realPathOf(target: string): Promise<string> {
  const missing: string[] = [];
  let current = path.resolve(target);
  for (;;) {
    try {
      return path.join(await realpath(current), ...missing.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return path.join(current, ...missing.reverse());
      missing.push(path.basename(current));
      current = parent;
    }
  }
}

export function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Refuses an output folder that would overwrite the goals themselves: the
 * goals folder, a folder inside it, or one that contains it (`render teams
 * --out .` would write teams/*.md among the goals), by their real paths, so
 * a symbolic link leads nowhere else either. An output path that is a file
 * is refused too. Relative paths are taken from `cwd`, and messages show
 * them as given.
 */
export async function checkOutputFolder(outDir: string, goalsDir: string, cwd = process.cwd()): Promise<void> {
  const out = await realPathOf(path.resolve(cwd, outDir));
  const goals = await realPathOf(path.resolve(cwd, goalsDir));
  const shown = JSON.stringify(outDir);
  if (isInside(out, goals)) {
    throw new UsageError(`The output folder ${shown} is ${out === goals ? 'the goals folder itself' : 'inside the goals folder'}; write the scorecards somewhere else.`);
  }
  if (isInside(goals, out)) throw new UsageError(`The output folder ${shown} contains the goals folder; write the scorecards somewhere else.`);
  const info = await stat(out).catch(() => undefined);
  if (info && !info.isDirectory()) throw new UsageError(`The output folder ${shown} is a file; name a folder to write the scorecards to.`);
}

/**
 * Reaches `folder` (relative to the real path `root`, with forward slashes)
 * one level at a time, creating the missing levels when asked, and returns
 * the first level that leads outside `root` through a symbolic link, before
 * anything is created through it; undefined when every level is inside.
 */
async function folderLeadingOutside(root: string, folder: string, create: boolean): Promise<string | undefined> {
  let current = root;
  for (const level of folder.split('/').filter((part) => part !== '' && part !== '.')) {
    current = path.join(current, level);
    if (create) {
      await mkdir(current).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
      });
    } else if (!(await exists(current))) {
      return undefined; // the rest is created afresh, inside
    }
    if (!isInside(await realpath(current), root)) return path.relative(root, current);
  }
  return undefined;
}

/** A file-system error while writing into `outDir`, as a usage error that names the file and the folder. */
function writeError(error: unknown, what: string, outDir: string): unknown {
  return isFileSystemError(error) ? new UsageError(`Cannot write ${what} in ${JSON.stringify(outDir)}: ${fileSystemReason(error)}.`) : error;
}

/**
 * Writes the scorecards so that a render that fails or is killed half-way
 * leaves every file either as it was or complete: each file is written into
 * a staging folder inside the output folder and then renamed into place (a
 * rename within one file system is atomic). A path that would lead out of
 * the output folder through a symbolic link is refused. A relative `outDir`
 * is taken from `cwd`; messages show it as given.
 *
 * A file whose content is already what it would be written with is left
 * alone, so a render after a change rewrites only the pages that changed
 * (and a site published from the folder, or a file watcher, sees only
 * those).
 */
export async function writeOutputFiles(outDir: string, files: Iterable<OutputFile>, cwd = process.cwd()): Promise<WrittenFiles> {
  let root: string;
  let staging: string;
  try {
    await mkdir(path.resolve(cwd, outDir), { recursive: true });
    root = await realpath(path.resolve(cwd, outDir));
    // Staging folders left by a render that was killed are removed first.
    for (const entry of await readdir(root)) if (entry.startsWith(stagingPrefix)) await rm(path.join(root, entry), { recursive: true, force: true });
    staging = path.join(root, `${stagingPrefix}${randomBytes(6).toString('hex')}`);
    await mkdir(staging);
  } catch (error) {
    throw writeError(error, 'the scorecards', outDir);
  }
  const written: string[] = [];
  const unchanged: string[] = [];
  // Each folder is created and checked once: a real path inside the output folder, not a link out of it.
  const checkedFolders = new Map<string, Promise<void>>();
  const checkFolder = (folder: string): Promise<void> => {
    let checked = checkedFolders.get(folder);
    if (!checked) {
      checked = folderLeadingOutside(root, folder, true).then((outside) => {
        if (outside !== undefined) throw new UsageError(`Refusing to write into ${outside}: it leads outside "${outDir}" through a symbolic link.`);
      });
      checkedFolders.set(folder, checked);
    }
    return checked;
  };
  const writeOne = async (file: OutputFile, index: number): Promise<void> => {
    const target = path.join(root, ...file.path.split('/'));
    try {
      await checkFolder(path.posix.dirname(file.path));
      const existing = await lstat(target).catch(() => undefined);
      if (existing?.isSymbolicLink()) throw new UsageError(`Refusing to write ${file.path}: it leads outside "${outDir}" through a symbolic link.`);
      const bytes = Buffer.from(file.content, 'utf8');
      // The size first: a page that changed usually changed its length, and then it need not be read.
      if (existing?.isFile() && existing.size === bytes.length && bytes.equals(await readFile(target))) {
        unchanged.push(target);
        return;
      }
      const temporary = path.join(staging, `${index}.tmp`);
      await writeFile(temporary, bytes);
      await rename(temporary, target);
    } catch (error) {
      throw writeError(error, file.path, outDir);
    }
    written.push(target);
  };
  try {
    // A few files at a time: the file system, not the CPU, is what a render waits for; the files
    // are made as they are written, so only those few are in memory.
    let batch: Promise<void>[] = [];
    let index = 0;
    for (const file of files) {
      batch.push(writeOne(file, index++));
      if (batch.length === 16) {
        await Promise.all(batch);
        batch = [];
      }
    }
    await Promise.all(batch);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return { written, unchanged };
}

/** The files a render wrote, and those it left alone because their content was already right (absolute paths). */
export interface WrittenFiles {
  written: string[];
  unchanged: string[];
}

async function exists(file: string): Promise<boolean> {
  return lstat(file).then(
    () => true,
    () => false,
  );
}

/**
 * Creates the files that do not exist yet and leaves the others untouched:
 * the `wx` flag fails on an existing file (or a link in its place), so
 * nothing is ever overwritten, not even by a file created between a check
 * and the write. A folder that leads outside `root` through a symbolic link
 * is refused before anything is written, so that a `goals` or `.github`
 * link cannot make it write elsewhere.
 */
export async function writeNewFiles(root: string, files: readonly OutputFile[]): Promise<{ written: string[]; skipped: string[] }> {
  await mkdir(root, { recursive: true });
  const realRoot = await realpath(root);
  const folders = [...new Set(files.map((file) => path.posix.dirname(file.path)))];
  for (const folder of folders) {
    const outside = await folderLeadingOutside(realRoot, folder, false);
    if (outside !== undefined) throw new UsageError(`Refusing to write into ${outside}: it leads outside "${root}" through a symbolic link. Nothing was written.`);
  }
  const written: string[] = [];
  const skipped: string[] = [];
  for (const file of files) {
    const outside = await folderLeadingOutside(realRoot, path.posix.dirname(file.path), true);
    if (outside !== undefined) throw new UsageError(`Refusing to write into ${outside}: it leads outside "${root}" through a symbolic link.`);
    try {
      const handle = await open(path.join(realRoot, ...file.path.split('/')), 'wx');
      try {
        await handle.writeFile(file.content);
      } finally {
        await handle.close();
      }
      written.push(file.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      skipped.push(file.path);
    }
  }
  return { written, skipped };
}
