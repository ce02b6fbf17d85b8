// Bundles the GitHub Action from src/action/index.ts into dist/index.js, which is committed
// because GitHub runs actions without installing their dependencies.
// tests/action/dist.test.ts fails when dist/ is not what this script writes.
import { build, type BuildOptions } from 'esbuild';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../', import.meta.url));

export const actionBuildOptions: BuildOptions = {
  absWorkingDir: repoRoot,
  entryPoints: ['src/action/index.ts'],
  outfile: 'dist/index.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'linked',
  // Some bundled CommonJS dependencies call require() for Node built-ins, which an ES module lacks.
  banner: { js: "import { createRequire as __goalpostCreateRequire } from 'node:module';\nconst require = __goalpostCreateRequire(import.meta.url);" },
  logLevel: 'warning',
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await build(actionBuildOptions);
  console.log('dist/index.js');
}
