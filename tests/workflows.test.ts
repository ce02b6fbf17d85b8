import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { actionReference } from '../src/init/init.js';
import { repoRoot } from './helpers/fixtures.js';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Workflow {
  on: { push?: { tags?: string[] } };
  permissions?: Record<string, string>;
  jobs: Record<string, { steps: Step[]; permissions?: Record<string, string> }>;
}

const read = (file: string): string => readFileSync(`${repoRoot}${file}`, 'utf8');
const workflowFiles = readdirSync(`${repoRoot}.github/workflows`).filter((file) => file.endsWith('.yml'));
const readWorkflow = (file: string): Workflow => parse(read(`.github/workflows/${file}`)) as Workflow;
const action = parse(read('action.yml')) as { inputs: Record<string, unknown> };
const packageJson = JSON.parse(read('package.json')) as { name: string; version: string; repository: { url: string } };

/** Whether a tag matches a GitHub Actions filter pattern (`*`, `+` after a character or class, `[0-9]`). */
function tagMatches(pattern: string, tag: string): boolean {
  const source = pattern.replace(/\*|\.|\[[^\]]*\]\+?|[^*.[]/g, (part) => (part === '*' ? '[^/]*' : part === '.' ? '\\.' : part));
  return new RegExp(`^${source}$`).test(tag);
}

/** Runs a step's script with bash as the runner does, with the given environment. */
function runStep(step: Step, cwd: string, env: Record<string, string>) {
  const result = spawnSync('bash', ['-e', '-c', step.run!], { cwd, env: { ...process.env, ...env }, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout };
}

describe('workflows', () => {
  it('the example passes the Action only inputs it has, and grants what the comment and Pages need', () => {
    const workflow = readWorkflow('goals.yml');
    const uses = Object.values(workflow.jobs).flatMap((job) => job.steps.filter((step) => step.uses === './'));
    expect(uses).toHaveLength(2);
    for (const step of uses) for (const input of Object.keys(step.with ?? {})) expect(Object.keys(action.inputs)).toContain(input);
    expect(workflow.jobs['check']!.permissions).toMatchObject({ 'pull-requests': 'write' });
    expect(workflow.jobs['publish']!.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
    expect(workflow.jobs['publish']!.steps.map((s) => s.uses)).toContain('actions/deploy-pages@v5');
  });

  it('the project CI runs what .ci/run runs', () => {
    const ci = read('.ci/run');
    const workflow = readWorkflow('ci.yml');
    const commands = workflow.jobs['test']!.steps.flatMap((step) => (step.run ? [step.run] : [])).join('\n');
    for (const command of ['npm ci', 'npm test', 'npm run test:e2e']) {
      expect(ci).toContain(command);
      expect(commands).toContain(command);
    }
  });

  it("CI installs the packed package on the oldest Node that package.json's engines admits, and runs it there", () => {
    const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;
    const steps = readWorkflow('ci.yml').jobs['oldest-node']!.steps;
    const nodeVersions = steps.filter((step) => step.uses?.startsWith('actions/setup-node@')).map((step) => String(step.with?.['node-version']));
    expect(`>=${nodeVersions.at(-1)!.replace(/\.0$/, '')}`).toBe(engines);
    const script = steps.at(-1)!.run!;
    for (const command of ['npm install --save-dev', 'EBADENGINE', 'npx goalpost init', 'npx goalpost validate', 'npx goalpost score', 'npx goalpost render']) expect(script).toContain(command);
  });

  it('no script interpolates an expression: values reach the shell through the environment', () => {
    for (const file of workflowFiles) {
      const steps = Object.values(readWorkflow(file).jobs).flatMap((job) => job.steps);
      for (const step of steps) expect(step.run ?? '', `${file}: ${step.name ?? step.run}`).not.toContain('${{');
    }
  });

  it('the README, init and package.json name one Action: this repository at the major tag the release moves', () => {
    const [, repository] = /github\.com\/([^/]+\/[^/.]+)(\.git)?$/.exec(packageJson.repository.url)!;
    expect(actionReference).toBe(`${repository}@v${packageJson.version.split('.')[0]}`);
    const named = [...read('README.md').matchAll(/uses: ([\w.-]+\/goalpost@\S+)/g)].map((match) => match[1]);
    expect(named.length).toBeGreaterThan(0);
    expect(new Set(named)).toEqual(new Set([actionReference]));
  });
});

describe('the release workflow', () => {
  const workflow = readWorkflow('release.yml');
  const job = workflow.jobs['release']!;
  const stepIndex = (predicate: (step: Step) => boolean): number => {
    const index = job.steps.findIndex(predicate);
    expect(index).toBeGreaterThanOrEqual(0);
    return index;
  };

  it('runs on version tags, not on the major tag it moves', () => {
    const patterns = workflow.on.push!.tags!;
    const matches = (tag: string): boolean => patterns.some((pattern) => tagMatches(pattern, tag));
    expect(['v0.1.0', 'v1.2.3', 'v10.0.0-rc.1'].filter(matches)).toEqual(['v0.1.0', 'v1.2.3', 'v10.0.0-rc.1']);
    expect(['v1', 'v1.2', 'latest', 'release-1.0.0'].filter(matches)).toEqual([]);
  });

  it('holds only the permissions publishing needs', () => {
    expect(workflow.permissions).toEqual({});
    expect(job.permissions).toEqual({ contents: 'write', 'id-token': 'write' });
  });

  it('tests, checks dist/ and the package, then publishes with provenance and moves the major tag, in that order', () => {
    const setupNode = job.steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
    expect(setupNode?.with).toMatchObject({ 'registry-url': 'https://registry.npmjs.org' });
    const order = [
      stepIndex((step) => step.run === 'npm ci'),
      stepIndex((step) => step.run === 'npm test'),
      stepIndex((step) => /npm run build:action\s+git diff --exit-code -- dist\//.test(step.run ?? '')),
      stepIndex((step) => (step.run ?? '').includes('npm run check:package')),
      stepIndex((step) => /npm publish .*--provenance/.test(step.run ?? '')),
      stepIndex((step) => (step.run ?? '').includes('git push --force origin')),
    ];
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const publish = job.steps.find((step) => step.run?.startsWith('npm publish'))!;
    expect(publish.env).toMatchObject({ NODE_AUTH_TOKEN: '${{ secrets.NPM_TOKEN }}' });
  });

  it('refuses a tag that is not the version in package.json', () => {
    const step = job.steps[stepIndex((s) => s.name === 'The tag is the version in package.json')]!;
    expect(runStep(step, repoRoot, { GITHUB_REF_NAME: `v${packageJson.version}` }).code).toBe(0);
    expect(runStep(step, repoRoot, { GITHUB_REF_NAME: 'v99.0.0' })).toMatchObject({ code: 1, stdout: expect.stringContaining('::error::The tag v99.0.0 is not the version') });
  });

  it("moves the major tag to the released commit, and leaves it alone for a pre-release", () => {
    const step = job.steps[stepIndex((s) => s.name === "Move the Action's major tag")]!;
    expect(step.if).toBe("${{ !contains(github.ref_name, '-') }}");
    const git = (cwd: string, ...args: string[]): string =>
      execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'r', GIT_AUTHOR_EMAIL: 'r@example.com', GIT_COMMITTER_NAME: 'r', GIT_COMMITTER_EMAIL: 'r@example.com' } });
    const scratch = mkdtempSync(path.join(tmpdir(), 'goalpost-release-'));
    const origin = path.join(scratch, 'origin.git');
    const clone = path.join(scratch, 'clone');
    git(scratch, 'init', '-q', '--bare', origin);
    git(scratch, 'clone', '-q', origin, clone);
    const commit = (message: string): string => {
      writeFileSync(path.join(clone, 'file'), message);
      git(clone, 'add', 'file');
      git(clone, 'commit', '-q', '-m', message);
      git(clone, 'push', '-q', 'origin', 'HEAD');
      return git(clone, 'rev-parse', 'HEAD').trim();
    };
    const first = commit('1.0.0');
    git(clone, 'tag', 'v1', first);
    git(clone, 'push', '-q', 'origin', 'v1');
    const second = commit('1.1.0');
    const env = { GITHUB_REF_NAME: 'v1.1.0', GITHUB_SHA: second, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
    expect(runStep(step, clone, env).code).toBe(0);
    expect(git(origin, 'rev-parse', 'v1^{commit}').trim()).toBe(second);
  });
});

describe('the actuals workflow', () => {
  const workflow = parse(read('.github/workflows/actuals.yml')) as Workflow & {
    on: { schedule: { cron: string }[]; workflow_dispatch: { inputs: Record<string, unknown> } };
  };
  const job = workflow.jobs['pull']!;
  const step = (name: string): Step => job.steps.find((s) => s.name === name)!;

  /** The month the step chooses, with the environment given, or its error. */
  function chosenMonth(env: Record<string, string>): { code: number | null; month: string | undefined; stdout: string } {
    const output = path.join(mkdtempSync(path.join(tmpdir(), 'goalpost-actuals-')), 'output');
    writeFileSync(output, '');
    const { code, stdout } = runStep(step('The month to pull'), repoRoot, { GITHUB_OUTPUT: output, ...env });
    return { code, stdout, month: /^month=(.*)$/m.exec(readFileSync(output, 'utf8'))?.[1] };
  }

  it('runs at 06:00 UTC on the 2nd of every month, and by hand for a month of one’s choice', () => {
    expect(workflow.on.schedule).toEqual([{ cron: '0 6 2 * *' }]);
    expect(Object.keys(workflow.on.workflow_dispatch.inputs)).toEqual(['month']);
  });

  it('pulls the previous month by default, across the turn of the year, or the month asked for', () => {
    expect(chosenMonth({ TODAY: '2026-12-02' }).month).toBe('2026-11');
    expect(chosenMonth({ TODAY: '2027-01-02' }).month).toBe('2026-12');
    expect(chosenMonth({ TODAY: '2027-03-31' }).month).toBe('2027-02');
    expect(chosenMonth({ REQUESTED_MONTH: '2026-09', TODAY: '2027-01-02' }).month).toBe('2026-09');
    expect(chosenMonth({ REQUESTED_MONTH: '2026-13' })).toMatchObject({ code: 1, month: undefined, stdout: '::error::The month must be written YYYY-MM, such as 2026-11.\n' });
  });

  it('gives the warehouse URL to the pull from the secret only, and opens the pull request with what the actuals do to the scorecards', () => {
    const pull = step('Pull the actuals');
    expect(pull.run).toBe('node bin/goalpost.js pull goals --month "$MONTH"');
    expect(pull.env).toEqual({ MONTH: '${{ steps.month.outputs.month }}', GOALPOST_WAREHOUSE_URL: '${{ secrets.GOALPOST_WAREHOUSE_URL }}' });
    const open = step('Open or update the pull request');
    expect(open.env).not.toHaveProperty('GOALPOST_WAREHOUSE_URL');
    expect(open.run).toContain('node bin/goalpost.js diff HEAD --format md > "$body"');
    expect(open.run).toContain('gh pr create --base "$BASE" --head "$branch" --title "Actuals for $MONTH" --body-file "$body"');
    expect(workflow.permissions).toEqual({});
    expect(job.permissions).toEqual({ contents: 'write', 'pull-requests': 'write' });
  });
});
