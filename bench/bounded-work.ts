// Inputs under the size limits that once took minutes: a 15 MB unknown key and a 10 MB owner cell
// (did-you-mean), a goal split into 20,000 regions with 20,000 actuals rows (scoring), and 800
// commits of history (log and the "target revised" notes of render).
//   node --import tsx bench/bounded-work.ts                  measures bin/goalpost.js (npm run build first)
//   BENCH_BIN=/elsewhere/bin/goalpost.js node --import tsx bench/bounded-work.ts   measures another build
//   BENCH_TIMEOUT=300   stops each run after this many seconds (default 120)
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCompany } from './generate.js';
import { generateGoalsHistory } from './generate-history.js';
import { generateRegions } from './generate-regions.js';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const bin = path.resolve(process.env['BENCH_BIN'] ?? path.join(repoRoot, 'bin/goalpost.js'));
const timeoutMs = Number(process.env['BENCH_TIMEOUT'] ?? 120) * 1000;

interface Run {
  ms: number;
  maxRssMb: number;
  /** The exit status, or null when the run was stopped at the time limit. */
  code: number | null;
  stderr: string;
}

/** Runs the executable under bench/measured.mjs, which reports its peak memory on file descriptor 3. */
function goalpost(args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [path.join(repoRoot, 'bench/measured.mjs'), bin, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
    let rss = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdio[3]!.on('data', (chunk: Buffer) => (rss += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const ms = performance.now() - start;
      if (code === null) return resolve({ ms, maxRssMb: 0, code: null, stderr });
      if (code !== 0 && code !== 1) return reject(new Error(`goalpost ${args.join(' ')} exited ${code}: ${stderr}`));
      resolve({ ms, maxRssMb: Number(rss.trim() || 0) / 1024, code, stderr });
    });
  });
}

async function median(times: number, task: () => Promise<Run>): Promise<Run> {
  const runs: Run[] = [];
  for (let i = 0; i < times; i++) {
    const run = await task();
    // A run stopped at the time limit would only be stopped again.
    if (run.code === null) return run;
    runs.push(run);
  }
  runs.sort((a, b) => a.ms - b.ms);
  return runs[Math.floor(runs.length / 2)]!;
}

function figure(run: Run): string {
  if (run.code === null) return `stopped after ${(timeoutMs / 1000).toFixed(0)} s`;
  return `${run.ms.toLocaleString('en-US', { maximumFractionDigits: 0 })} ms, ${run.maxRssMb.toFixed(0)} MB`;
}

const scratch = mkdtempSync(path.join(tmpdir(), 'goalpost-bounded-'));
const row = (what: string, run: Run): void => console.log(`| ${what} | ${figure(run)} |`);

/** The base test fixture with one file replaced: the smallest valid repository to hide a huge value in. */
function baseWith(name: string, file: string, edit: (text: string) => string): string {
  const dir = path.join(scratch, name);
  cpSync(path.join(repoRoot, 'tests/fixtures/base'), dir, { recursive: true });
  writeFileSync(path.join(dir, file), edit(readFileSync(path.join(dir, file), 'utf8')));
  return dir;
}

console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}; measuring ${path.relative(process.cwd(), bin) || bin}\n`);
console.log('| input | time, peak memory |');
console.log('|---|--:|');
try {
  const hugeKey = baseWith('huge-key', '2026-Q4/marketing.yaml', (text) => text.replace('    owner: wang.fang\n', `    owner: wang.fang\n    ? ${'x'.repeat(15 * 2 ** 20)}\n    : 1\n`));
  row('validate, a 15 MB unknown key', await median(3, () => goalpost(['validate', hugeKey, '--format', 'json'], scratch)));
  const hugeOwner = baseWith('huge-owner', 'actuals/actuals.csv', (text) => `${text}2026-11,marketing,revenue,${'x'.repeat(10 * 2 ** 20)},1\n`);
  row('validate, a 10 MB owner cell', await median(3, () => goalpost(['validate', hugeOwner, '--format', 'json'], scratch)));

  const regions = generateRegions(path.join(scratch, 'regions'), 20_000);
  row('validate, 20,000 regions × 20,000 rows', await median(3, () => goalpost(['validate', regions.dir], scratch)));
  row('score, 20,000 regions × 20,000 rows', await median(3, () => goalpost(['score', regions.dir], scratch)));
  row('render --format md, 20,000 regions × 20,000 rows', await median(1, () => goalpost(['render', regions.dir, '--out', path.join(scratch, 'regions-out'), '--format', 'md', '--no-history'], scratch)));

  // Scoring is what score adds to validate.
  const company = generateCompany(path.join(scratch, 'company'), 1000);
  row('validate, the company of npm run bench with 1,000 teams', await median(3, () => goalpost(['validate', company.dir], scratch)));
  row('score, the company of npm run bench with 1,000 teams', await median(3, () => goalpost(['score', company.dir], scratch)));

  const history = path.join(scratch, 'history');
  mkdirSync(history);
  generateGoalsHistory(history, 800);
  row('log, 800 commits', await median(3, () => goalpost(['log'], history)));
  row('render --format md, 800 commits', await median(3, () => goalpost(['render', 'goals', '--out', 'site', '--format', 'md'], history)));
  row('render --format md --no-history, same repository', await median(3, () => goalpost(['render', 'goals', '--out', 'site', '--format', 'md', '--no-history'], history)));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
