// Lints goalpost as npm publishes it: publint (package.json against the files in the tarball)
// and arethetypeswrong (the types resolve as the code does). `npm run check:package` packs the
// working tree first (npm pack runs `prepare`, which builds lib/); `npm run check:package --
// goalpost-0.1.0.tgz` checks a tarball packed already, as tests/package does.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const bin = (name: string): string => path.join(repoRoot, 'node_modules', '.bin', name);

/** Packs the package into `destination` and returns the tarball's path. */
export function packInto(destination: string, options: { runScripts: boolean }): string {
  // Not `npm pack --json`: the output of `prepare` shares its stdout.
  execFileSync('npm', ['pack', '--pack-destination', destination, ...(options.runScripts ? [] : ['--ignore-scripts'])], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const { name, version } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };
  return path.join(destination, `${name.replace(/^@/, '').replace('/', '-')}-${version}.tgz`);
}

export function checkPackage(tarball: string): void {
  execFileSync(bin('publint'), ['--strict', tarball], { stdio: 'inherit' });
  // goalpost is an ES module only (Node 20.12 cannot require() one), so CommonJS resolution is not checked.
  execFileSync(bin('attw'), ['--profile', 'esm-only', tarball], { stdio: 'inherit' });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const given = process.argv[2];
  const destination = given === undefined ? mkdtempSync(path.join(tmpdir(), 'goalpost-pack-')) : undefined;
  try {
    checkPackage(destination === undefined ? path.resolve(given!) : packInto(destination, { runScripts: true }));
  } catch (error) {
    // The tools have printed what is wrong; only say which step stopped.
    console.error(`check:package: ${(error as Error).message.split('\n')[0]}`);
    process.exitCode = 1;
  } finally {
    if (destination !== undefined) rmSync(destination, { recursive: true, force: true });
  }
}
