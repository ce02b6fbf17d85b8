import { open, rm } from 'node:fs/promises';

/**
 * Creates a file for exactly this content and fails if one exists: `wx`
 * refuses in the same step as it creates, so neither an earlier file nor one
 * made meanwhile by another run is overwritten. A file left half-written by
 * a failed write is removed, since it is ours.
 */
export async function writeNewFile(file: string, text: string): Promise<void> {
  const handle = await open(file, 'wx');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(file, { force: true });
    throw error;
  }
}
