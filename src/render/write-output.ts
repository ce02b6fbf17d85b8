import { randomBytes } from 'node:crypto';
import { lstat, mkdir, open, readdir, realpath, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../load/read-directory.js';
import type { OutputFile } from './render.js';

const stagingPrefix = '.goalpost-staging-';

/** The real path of `target`, or of its nearest existing ancestor joined with the rest. */
async function realPathOf(target: string): Promise<string> {
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

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Refuses an output folder that would overwrite the goals themselves: the
 * goals folder, a folder inside it, or one that leads there through a
 * symbolic link.
 */
export async function checkOutputFolder(outDir: string, goalsDir: string): Promise<void> {
  const out = await realPathOf(outDir);
  const goals = await realPathOf(goalsDir);
  if (isInside(out, goals)) {
    throw new UsageError(`The output folder "${outDir}" is ${out === goals ? 'the goals folder itself' : 'inside the goals folder'}; write the scorecards somewhere else.`);
  }
}

/**
 * Writes the scorecards so that a render that fails or is killed half-way
 * leaves every file either as it was or complete: each file is written into
 * a staging folder inside the output folder and then renamed into place (a
 * rename within one file system is atomic). A path that would lead out of
 * the output folder through a symbolic link is refused.
 */
export async function writeOutputFiles(outDir: string, files: Iterable<OutputFile>): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const root = await realpath(outDir);
  // Staging folders left by a render that was killed are removed first.
  for (const entry of await readdir(root)) if (entry.startsWith(stagingPrefix)) await rm(path.join(root, entry), { recursive: true, force: true });
  const staging = path.join(root, `${stagingPrefix}${randomBytes(6).toString('hex')}`);
  await mkdir(staging);
  const written: string[] = [];
  // Each folder is created and checked once: a real path inside the output folder, not a link out of it.
  const checkedFolders = new Map<string, Promise<void>>();
  const checkFolder = (folder: string): Promise<void> => {
    let checked = checkedFolders.get(folder);
    if (!checked) {
      checked = (async () => {
        await mkdir(folder, { recursive: true });
        if (!isInside(await realpath(folder), root)) throw new UsageError(`Refusing to write into ${path.relative(root, folder)}: it leads outside "${outDir}" through a symbolic link.`);
      })();
      checkedFolders.set(folder, checked);
    }
    return checked;
  };
  const writeOne = async (file: OutputFile, index: number): Promise<void> => {
    const target = path.join(root, ...file.path.split('/'));
    await checkFolder(path.dirname(target));
    if (await isSymlink(target)) throw new UsageError(`Refusing to write ${file.path}: it leads outside "${outDir}" through a symbolic link.`);
    const temporary = path.join(staging, `${index}.tmp`);
    await writeFile(temporary, file.content);
    await rename(temporary, target);
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
  return written;
}

async function isSymlink(file: string): Promise<boolean> {
  try {
    return (await lstat(file)).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * Creates the files that do not exist yet and leaves the others untouched:
 * the `wx` flag fails on an existing file, so nothing is ever overwritten,
 * not even by a file created between a check and the write.
 */
export async function writeNewFiles(root: string, files: readonly OutputFile[]): Promise<{ written: string[]; skipped: string[] }> {
  const written: string[] = [];
  const skipped: string[] = [];
  for (const file of files) {
    const target = path.join(root, ...file.path.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    try {
      const handle = await open(target, 'wx');
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
