import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

/** Builds lib/ once, so the tests that run bin/goalpost.js run the current code. */
export default function setup(): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
}
