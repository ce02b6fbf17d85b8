import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cli } from './cli.js';

/** The bundle's worker that reads YAML on a second thread, beside this file; run from the sources, there is none. */
const yamlWorker = new URL('./yaml-worker.js', import.meta.url);

/** The executable: runs the CLI on this process and turns an unexpected failure into exit status 2. */
export async function main(): Promise<void> {
  // The reader went away (`goalpost score | head`): what is left to print has no one to read it.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
  try {
    process.exitCode = await cli(process.argv.slice(2), {
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
      isTTY: process.stdout.isTTY === true,
      env: process.env,
      cwd: process.cwd(),
      // GOALPOST_THREADS=1 reads everything on one thread.
      yamlWorker: process.env['GOALPOST_THREADS'] !== '1' && existsSync(fileURLToPath(yamlWorker)) ? yamlWorker : undefined,
    });
  } catch (error) {
    const detail = process.env['GOALPOST_DEBUG'] ? (error as Error).stack : (error as Error).message;
    process.stderr.write(`goalpost: internal error: ${detail}\nPlease report this with the input that caused it.\n`);
    process.exitCode = 2;
  }
}
