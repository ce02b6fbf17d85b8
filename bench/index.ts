// npm run bench: measures goalpost at company scale on this machine; BENCHMARKS.md records the figures.
//   BENCH_SIZES=100,1000 npm run bench   to measure fewer sizes
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCompany } from './generate.js';
import { measureLspLatency, measureLspOnCompany } from './lsp-latency.js';
import { fmt, measured, median, ratio, run } from './run.js';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const bin = path.join(repoRoot, 'bin/goalpost.js');
const sizes = (process.env['BENCH_SIZES'] ?? '100,1000,5000').split(',').map(Number);



console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n`);
const rows: string[] = [];
const renderRows: string[] = [];
const memoryRows: string[] = [];
let lspOnCompany: Awaited<ReturnType<typeof measureLspOnCompany>> | undefined;
for (const teams of sizes) {
  const dir = mkdtempSync(path.join(tmpdir(), `goalpost-bench-${teams}-`));
  const out = mkdtempSync(path.join(tmpdir(), `goalpost-bench-out-${teams}-`));
  const cache = mkdtempSync(path.join(tmpdir(), `goalpost-bench-cache-${teams}-`));
  try {
    const company = generateCompany(path.join(dir, 'goals'), teams);
    const repeat = teams >= 5000 ? 1 : 3;
    const floor = await median(repeat, () => run([path.join(repoRoot, 'bench/floor.mjs'), company.dir]));
    const floorTwoThreads = await median(repeat, () => run([path.join(repoRoot, 'bench/floor-two-threads.mjs'), company.dir]));
    const validate = await median(repeat, () => measured([bin, 'validate', company.dir]));
    const validateOneThread = await median(repeat, () => measured([bin, 'validate', company.dir], { GOALPOST_THREADS: '1' }));
    const model = JSON.parse((await run(['--expose-gc', path.join(repoRoot, 'bench/model-memory.mjs'), company.dir])).stdout) as { filesMb: number; modelMb: number };
    await measured([bin, 'validate', company.dir, '--cache', cache]);
    const cached = await median(repeat, () => measured([bin, 'validate', company.dir, '--cache', cache]));
    const score = await median(repeat, () => measured([bin, 'score', company.dir]));
    rows.push(
      `| ${teams.toLocaleString('en-US')} | ${(company.yamlBytes / 2 ** 20).toFixed(1)} MB | ${(company.csvBytes / 2 ** 20).toFixed(1)} MB | ${fmt(floor.ms)} ms | ${fmt(floorTwoThreads.ms)} ms | ${fmt(validate.ms)} ms (${ratio(validate.ms, floor.ms)}×) | ${fmt(validateOneThread.ms)} ms (${ratio(validateOneThread.ms, floor.ms)}×) | ${fmt(cached.ms)} ms (${ratio(cached.ms, floor.ms)}×) | ${fmt(score.ms)} ms (${ratio(score.ms, floor.ms)}×) |`,
    );
    memoryRows.push(
      `| ${teams.toLocaleString('en-US')} | ${model.filesMb.toFixed(1)} MB | ${model.modelMb.toFixed(0)} MB (${(model.modelMb / model.filesMb).toFixed(1)}×) | ${validate.maxRssMb.toFixed(0)} MB (${(validate.maxRssMb / model.filesMb).toFixed(1)}×) | ${score.maxRssMb.toFixed(0)} MB |`,
    );
    // The HTML site into an empty folder, then again with nothing changed (nothing is written).
    const site = path.join(out, 'site');
    const render = await measured([bin, 'render', company.dir, '--out', site, '--format', 'html', '--no-history']);
    const again = await measured([bin, 'render', company.dir, '--out', site, '--format', 'html', '--no-history']);
    const size = (folder: string): { bytes: number; files: number } => {
      const files = readdirSync(path.join(site, folder)).filter((name) => name.endsWith('.html'));
      return { bytes: files.reduce((sum, name) => sum + statSync(path.join(site, folder, name)).size, 0), files: files.length };
    };
    const [teamPages, personPages, index] = [size('teams'), size('people'), statSync(path.join(site, 'index.html')).size];
    const perTeam = (teamPages.bytes + personPages.bytes + index) / teams / 1024;
    const written = /^Wrote (\d+) files?/.exec(again.stdout)?.[1] ?? '?';
    renderRows.push(
      `| ${teams.toLocaleString('en-US')} | ${fmt(render.ms)} ms (${ratio(render.ms, floor.ms)}×) | ${(teamPages.files + personPages.files + 1).toLocaleString('en-US')} | ${perTeam.toFixed(0)} KB | ${(teamPages.bytes / teamPages.files / 1024).toFixed(0)} KB | ${(personPages.bytes / personPages.files / 1024).toFixed(1)} KB | ${(index / 1024).toFixed(0)} KB | ${fmt(again.ms)} ms (${ratio(again.ms, floor.ms)}×), ${written} written | ${render.maxRssMb.toFixed(0)} MB |`,
    );
    if (teams === 1000) lspOnCompany = await measureLspOnCompany(repoRoot, company.dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  }
}
console.log('| teams | YAML | CSV | floor (js-yaml) | floor, two threads | validate | validate, one thread | validate, cached | score |');
console.log('|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
for (const row of rows) console.log(row);
console.log('\n| teams | files | model (kept after validate) | peak memory (validate) | peak memory (score) |');
console.log('|--:|--:|--:|--:|--:|');
for (const row of memoryRows) console.log(row);
console.log('\n| teams | render --format html | pages | HTML per team | team page | person page | index | render again, nothing changed | peak memory (render) |');
console.log('|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
for (const row of renderRows) console.log(row);

const nodeStart = await median(11, () => run(['-e', '0']));
const coldStart = await median(11, () => run([bin, 'validate', path.join(repoRoot, 'goals')]));
console.log(`\nCold start: goalpost validate on the example ${fmt(coldStart.ms)} ms; node -e 0 ${fmt(nodeStart.ms)} ms (${ratio(coldStart.ms, nodeStart.ms)}×; aim: 1.5×)`);

if (lspOnCompany) {
  console.log(
    `goalpost lsp on the company of 1,000 teams: ${lspOnCompany.edits} edits of one team (a target, a KPI id, a team member) answered in ${fmt(lspOnCompany.medianMs)} ms (median), p95 ${fmt(lspOnCompany.p95Ms)} ms; the first validation, at open, ${fmt(lspOnCompany.firstMs)} ms, during which a completion was answered in ${fmt(lspOnCompany.answeredMeanwhileMs)} ms (aim: 100 ms)`,
  );
}
const lsp = await measureLspLatency(repoRoot);
console.log(
  `goalpost lsp on the example: ${lsp.edits} single edits answered in ${lsp.medianMs.toFixed(1)} ms (median), p95 ${lsp.p95Ms.toFixed(1)} ms, max ${lsp.maxMs.toFixed(1)} ms; ${lsp.bursts.count} bursts of ${lsp.bursts.editsPerBurst.toLocaleString('en-US')} edits answered ${lsp.bursts.medianMs.toFixed(1)} ms after the last (median), p95 ${lsp.bursts.p95Ms.toFixed(1)} ms, ${lsp.bursts.validationsMedian} validation(s) per burst (at most ${lsp.bursts.validationsMax}) (aim: 100 ms)`,
);
