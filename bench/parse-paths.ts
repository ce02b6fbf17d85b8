// The two YAML readers of src/load: how long `validate` takes on alias chains built to expand
// without bound (the aim: well under a second), and the property of tests/hostile/property.test.ts
// (both readers give the same data or the same refusal) with many more runs than `npm test` makes.
//   node --import tsx bench/parse-paths.ts                 measures bin/goalpost.js (npm run build first)
//   BENCH_BIN=/elsewhere/bin/goalpost.js                    measures another build
//   BENCH_RUNS=200000 BENCH_SEED=7                          more runs of the property, or another seed (default: a new one each time)
//   BENCH_TIMEOUT=120                                       stops each run of validate after this many seconds (default 60)
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { disagreement, yamlFile } from '../tests/helpers/yaml-documents.js';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const bin = path.resolve(process.env['BENCH_BIN'] ?? path.join(repoRoot, 'bin/goalpost.js'));
const timeoutMs = Number(process.env['BENCH_TIMEOUT'] ?? 60) * 1000;
const runs = Number(process.env['BENCH_RUNS'] ?? 50_000);
const seed = Number(process.env['BENCH_SEED'] ?? Date.now() % 2 ** 31);

/** The wall time of one `goalpost validate`, or null when it was stopped at the time limit. */
function validate(dir: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [bin, 'validate', dir], { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve(code === 0 || code === 1 ? performance.now() - start : null);
    });
  });
}

/** A list copied ten times on each of ten lines; `" #"` first on each line hides the rest from any pattern that looks for comments. */
function aliasChain(): string {
  const levels = ['l0: [" #", &a0 [lol]]'];
  for (let level = 1; level <= 10; level++) levels.push(`l${level}: [" #", &a${level} [${Array(10).fill(`*a${level - 1}`).join(', ')}]]`);
  return `apiVersion: goalpost/v1\nkind: Team\nid: bomb\n${levels.join('\n')}\n`;
}

/** Nine lists of nine, each of the one before: 9⁹ values once expanded. */
function billionLaughs(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 9; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
  return `apiVersion: goalpost/v1\nkind: Team\nid: laughs\n${lines.join('\n')}\n`;
}

console.log('| file | bytes | validate (median of 5) |');
console.log('|---|--:|--:|');
for (const [name, text] of [
  ['alias chain', aliasChain()],
  ['billion laughs', billionLaughs()],
] as const) {
  const dir = mkdtempSync(path.join(tmpdir(), 'goalpost-bench-aliases-'));
  try {
    cpSync(path.join(repoRoot, 'tests/fixtures/base'), dir, { recursive: true });
    writeFileSync(path.join(dir, 'teams/bomb.yaml'), text);
    const times: (number | null)[] = [];
    for (let i = 0; i < 5; i++) times.push(await validate(dir));
    const finished = times.filter((ms): ms is number => ms !== null).sort((a, b) => a - b);
    const median = finished.length === times.length ? `${finished[2]!.toFixed(0)} ms` : `over ${timeoutMs / 1000} s (stopped)`;
    console.log(`| ${name} | ${Buffer.byteLength(text)} | ${median} |`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const start = performance.now();
const failure = fc.check(
  fc.property(yamlFile, (text) => disagreement(text) === undefined),
  { seed, numRuns: runs },
);
const seconds = ((performance.now() - start) / 1000).toFixed(1);
if (failure.failed) {
  const text = failure.counterexample?.[0] ?? '';
  console.log(`\nThe two YAML readers disagree (seed ${seed}, after ${failure.numRuns} runs): ${disagreement(text)}\n${text}`);
  process.exitCode = 1;
} else {
  console.log(`\nThe two YAML readers agree on ${runs.toLocaleString('en-US')} random files (seed ${seed}, ${seconds} s).`);
}
