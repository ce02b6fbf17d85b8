import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { OutputFile } from './render.js';

/**
 * Writes each file to a temporary name beside it and renames it into place,
 * so a reader (or a render that fails half-way) never sees a half-written
 * scorecard: every file is either the old one or the new one.
 */
export async function writeOutputFiles(outDir: string, files: readonly OutputFile[]): Promise<string[]> {
  const written: string[] = [];
  for (const file of files) {
    const target = path.join(outDir, ...file.path.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, file.content);
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    written.push(target);
  }
  return written;
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
