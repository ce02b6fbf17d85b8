import type { Command } from 'commander';
import { maxFileSizeOption } from '../context.js';

export function registerLsp(program: Command): void {
  program
    .command('lsp')
    .description('Run the goalpost language server over stdio, for editors: live diagnostics and completion of ids.')
    .option('--stdio', 'talk over standard input and output (the only transport, accepted for editors that pass it)')
    .option('-d, --dir <dir>', 'the goals folder, relative to the workspace root (default: goals, if it exists)')
    .addOption(maxFileSizeOption())
    .action(async (options: { dir?: string; maxFileSize: number }) => {
      // Loaded only here: the other commands do not pay for the language server library.
      const { startLanguageServer } = await import('../../lsp/server.js');
      await startLanguageServer({ ...(options.dir === undefined ? {} : { goalsPath: options.dir }), maxFileBytes: Math.floor(options.maxFileSize * 1024 * 1024) });
    });
}
