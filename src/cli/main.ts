import { cli } from './cli.js';

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
    });
  } catch (error) {
    const detail = process.env['GOALPOST_DEBUG'] ? (error as Error).stack : (error as Error).message;
    process.stderr.write(`goalpost: internal error: ${detail}\nPlease report this with the input that caused it.\n`);
    process.exitCode = 2;
  }
}
