import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { packInto } from '../../scripts/check-package.js';
import { repoRoot } from '../helpers/fixtures.js';

const packageJson = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };

// The variables `npm test` sets for its scripts would make the inner npm act on goalpost's own repository.
const env = { ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('npm_'))), NO_COLOR: '1', npm_config_update_notifier: 'false' };

let tarball: string;
let project: string;

function inProject(command: string, args: string[]) {
  const result = spawnSync(command, args, { cwd: project, env, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const goalpost = (...args: string[]) => inProject('npx', ['--no-install', 'goalpost', ...args]);

beforeAll(() => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'goalpost-package-'));
  // The global setup has built lib/ for this run: packing without `prepare` keeps it from being
  // rebuilt while other test files run the executable.
  tarball = packInto(scratch, { runScripts: false });
  project = path.join(scratch, 'goals-repository');
  mkdirSync(project);
  writeFileSync(path.join(project, 'package.json'), `${JSON.stringify({ name: 'goals-repository', private: true }, null, 2)}\n`);
  // npm's notes (such as the allowScripts notice of npm 11 for a package from a file) stay out of the test log; a failure throws with them.
  execFileSync('npm', ['install', '--save-dev', tarball, '--no-audit', '--no-fund', '--prefer-offline'], { cwd: project, env, stdio: ['ignore', 'pipe', 'pipe'] });
}, 180_000);

describe('the npm package', () => {
  it('holds the executable, its chunks, the API, templates, schemas and the workflow init copies, and no sources or tests', () => {
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n').map((file) => file.replace(/^package\//, ''));
    for (const file of ['bin/goalpost.js', 'lib/goalpost.js', 'lib/index.js', 'lib/index.d.ts', 'templates/index.html.hbs', 'schemas/goal-set.schema.json', '.github/workflows/goals.yml', 'LICENSE', 'README.md']) {
      expect(files).toContain(file);
    }
    expect(files.some((file) => file.startsWith('lib/chunks/'))).toBe(true);
    expect(files.filter((file) => /^(src|tests|scripts|dist|goals|node_modules)\//.test(file))).toEqual([]);
  });

  it('installed into a new project, npx goalpost runs init, validate, score and render', () => {
    expect(goalpost('--version')).toMatchObject({ code: 0, stdout: `${packageJson.version}\n` });
    const init = goalpost('init', '--team', 'growth', '--period', '2026-Q4');
    expect(init).toMatchObject({ code: 0, stderr: '' });
    expect(init.stdout).toContain('goals/teams/growth.yaml');
    expect(goalpost('validate', 'goals')).toEqual({ code: 0, stdout: '✓ No problems found.\n', stderr: '' });

    writeFileSync(path.join(project, 'goals/actuals/actuals.csv'), 'period,team,kpi,owner,value\n2026-10,growth,revenue,,400000\n');
    const score = goalpost('score', 'goals');
    expect(score).toMatchObject({ code: 0, stderr: '' });
    const report = JSON.parse(score.stdout) as { asOf: string; teams: { team: string; goals: { actual: number; status: string }[] }[] };
    expect(report.asOf).toBe('2026-10');
    expect(report.teams[0]).toMatchObject({ team: 'growth', goals: [{ actual: 400_000, status: 'on-track' }] });

    expect(goalpost('render', 'goals', '--out', 'site')).toMatchObject({ code: 0, stderr: '' });
    expect(readdirSync(path.join(project, 'site')).sort()).toEqual(['filter.js', 'index.html', 'index.md', 'people', 'styles.css', 'teams']);
    expect(readFileSync(path.join(project, 'site/teams/growth-2026-Q4.html'), 'utf8')).toContain('Growth');
  });

  it('serves its API to an ES module that imports it by name', () => {
    const script = `import { validateRepository } from '${packageJson.name}';
const { diagnostics } = validateRepository([{ path: 'kpis.yaml', bytes: Buffer.from('apiVersion: goalpost/v1\\nkind: KpiCatalog\\nkpis: {revenue: {name: Revenue}}\\n') }]);
console.log(diagnostics.map((d) => d.code).join(','));`;
    expect(inProject(process.execPath, ['--input-type=module', '-e', script])).toMatchObject({ code: 0, stdout: 'kpi-definition\n', stderr: '' });
  });

  it('passes publint and arethetypeswrong (npm run check:package)', () => {
    const result = spawnSync('npm', ['run', '-s', 'check:package', '--', tarball], { cwd: repoRoot, env, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
