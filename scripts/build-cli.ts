// Bundles the command line into lib/goalpost.js (with lib/chunks/ for what only some commands
// load: rendering, the language server, git), so that starting goalpost reads one file instead
// of a hundred modules. bin/goalpost.js runs it.
import { build, type BuildOptions } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));

export const cliBuildOptions: BuildOptions = {
  absWorkingDir: repoRoot,
  // yaml-worker.js sits beside goalpost.js, which starts it to read a large repository's YAML on a second thread.
  entryPoints: { goalpost: 'src/cli/main.ts', 'yaml-worker': 'src/load/yaml-worker.ts' },
  outdir: 'lib',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'bundle',
  // The database drivers of `goalpost pull` stay packages of their own: DuckDB's is a native
  // addon that no bundle can hold, and both load only when a source of their type is used;
  // playwright-core (render --format pdf) reads its own files at run time and stays one too.
  external: ['@duckdb/node-api', 'pg', 'playwright-core'],
  minify: process.env['GOALPOST_BUILD_DEBUG'] === undefined,
  sourcemap: 'linked',
  // Some bundled CommonJS dependencies call require() for Node built-ins, which an ES module lacks.
  banner: { js: "import { createRequire as __goalpostCreateRequire } from 'node:module';\nconst require = __goalpostCreateRequire(import.meta.url);" },
  logLevel: 'warning',
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // Chunks are named by content: remove those of earlier builds.
  rmSync(`${repoRoot}lib/chunks`, { recursive: true, force: true });
  await build(cliBuildOptions);
  console.log('lib/goalpost.js lib/yaml-worker.js');
}
