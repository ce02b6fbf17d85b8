import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from './helpers/fixtures.js';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  jobs: Record<string, { steps: Step[]; permissions?: Record<string, string> }>;
}

const read = (file: string): string => readFileSync(`${repoRoot}${file}`, 'utf8');
const action = parse(read('action.yml')) as { inputs: Record<string, unknown> };

describe('workflows', () => {
  it('the example passes the Action only inputs it has, and grants what the comment and Pages need', () => {
    const workflow = parse(read('.github/workflows/goals.yml')) as Workflow;
    const uses = Object.values(workflow.jobs).flatMap((job) => job.steps.filter((step) => step.uses === './'));
    expect(uses).toHaveLength(2);
    for (const step of uses) for (const input of Object.keys(step.with ?? {})) expect(Object.keys(action.inputs)).toContain(input);
    expect(workflow.jobs['check']!.permissions).toMatchObject({ 'pull-requests': 'write' });
    expect(workflow.jobs['publish']!.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
    expect(workflow.jobs['publish']!.steps.map((s) => s.uses)).toContain('actions/deploy-pages@v5');
  });

  it('the project CI runs what .ci/run runs', () => {
    const ci = read('.ci/run');
    const workflow = parse(read('.github/workflows/ci.yml')) as Workflow;
    const commands = workflow.jobs['test']!.steps.flatMap((step) => (step.run ? [step.run] : [])).join('\n');
    for (const command of ['npm ci', 'npm test', 'npm run test:e2e']) {
      expect(ci).toContain(command);
      expect(commands).toContain(command);
    }
  });
});
