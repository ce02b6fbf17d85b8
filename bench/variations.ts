// Validate against the floor on variations of the benchmark's company, at 1,000 teams
// (BENCH_VARIATION_TEAMS to change): more CSV than YAML, more YAML than CSV, deep breakdowns and
// many small files, beside the company as bench/index.ts generates it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCompany, type CompanyShape } from './generate.js';
import { fmt, measured, median, ratio, run } from './run.js';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const bin = path.join(repoRoot, 'bin/goalpost.js');
const teams = Number(process.env['BENCH_VARIATION_TEAMS'] ?? 1000);

const variations: { name: string; shape: CompanyShape }[] = [
  { name: 'the benchmark’s company', shape: {} },
  { name: 'more CSV than YAML (every goal with its owners’ rows)', shape: { ownerRowsEvery: 1 } },
  { name: 'more YAML than CSV (40 goals, one in four with actuals)', shape: { goals: 40, actualsEvery: 4, ownerRowsEvery: 0 } },
  { name: 'deep breakdowns (each owner’s part by month)', shape: { deep: true } },
  { name: 'many small files (actuals in a file per team and month)', shape: { actualsByMonth: true } },
];

console.log(`\n| ${teams.toLocaleString('en-US')} teams | files | YAML | CSV | floor (js-yaml) | validate | validate, one thread |`);
console.log('|:--|--:|--:|--:|--:|--:|--:|');
for (const { name, shape } of variations) {
  const dir = mkdtempSync(path.join(tmpdir(), 'goalpost-bench-variation-'));
  try {
    const company = generateCompany(path.join(dir, 'goals'), teams, 1, shape);
    const floor = await median(3, () => run([path.join(repoRoot, 'bench/floor.mjs'), company.dir]));
    const validate = await median(3, () => measured([bin, 'validate', company.dir]));
    const oneThread = await median(3, () => measured([bin, 'validate', company.dir], { GOALPOST_THREADS: '1' }));
    // Each variation is a valid repository: a run that finds problems measures something else.
    if (validate.code !== 0) throw new Error(`${name}: goalpost validate found problems:\n${validate.stdout.slice(0, 2000)}`);
    console.log(
      `| ${name} | ${company.files.toLocaleString('en-US')} | ${(company.yamlBytes / 2 ** 20).toFixed(1)} MB | ${(company.csvBytes / 2 ** 20).toFixed(1)} MB | ${fmt(floor.ms)} ms | ${fmt(validate.ms)} ms (${ratio(validate.ms, floor.ms)}×) | ${fmt(oneThread.ms)} ms (${ratio(oneThread.ms, floor.ms)}×) |`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
