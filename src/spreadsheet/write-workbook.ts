import { randomBytes } from 'node:crypto';
import { lstat, mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileSystemReason, isFileSystemError } from '../load/file-system-error.js';
import { UsageError } from '../load/read-directory.js';
import { isInside, realPathOf } from '../render/write-output.js';

/**
 * Writes a workbook so that a run that fails or is killed half-way leaves
 * the file either as it was or complete: the bytes go to a new file beside
 * it, which is then renamed over it. A workbook is never written inside the
 * goals folder (by real paths), nor through a symbolic link, nor over a folder.
 * `file` is taken from `cwd`; messages show it as given.
 */
export async function writeWorkbookFile(file: string, bytes: Uint8Array, where: { goalsDir: string; cwd: string }): Promise<void> {
  const target = path.resolve(where.cwd, file);
  const shown = JSON.stringify(file);
  if (isInside(await realPathOf(target), await realPathOf(path.resolve(where.cwd, where.goalsDir)))) {
    throw new UsageError(`The workbook ${shown} would be inside the goals folder; write it somewhere else.`);
  }
  const existing = await lstat(target).catch(() => undefined);
  if (existing?.isSymbolicLink()) throw new UsageError(`Refusing to write ${shown}: it is a symbolic link.`);
  if (existing?.isDirectory()) throw new UsageError(`${shown} is a folder; name the workbook to write, such as goals.xlsx.`);
  const temporary = path.join(path.dirname(target), `.goalpost-staging-${randomBytes(6).toString('hex')}.xlsx`);
  try {
    await mkdir(path.dirname(target), { recursive: true });
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(bytes);
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw isFileSystemError(error) ? new UsageError(`Cannot write ${shown}: ${fileSystemReason(error)}.`) : error;
  }
}
