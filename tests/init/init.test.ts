import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cli } from '../../src/cli/cli.js';
import { actionReference, currentQuarter } from '../../src/init/init.js';
import { repoRoot } from '../helpers/fixtures.js';

async function run(cwd: string, args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await cli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false, env: {}, cwd });
  return { code, stdout, stderr };
}

function tree(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix)).flatMap((name) => {
    const relative = prefix === '' ? name : `${prefix}/${name}`;
    return statSync(path.join(dir, relative)).isDirectory() ? tree(dir, relative) : [relative];
  });
}

describe('goalpost init', () => {
  it('writes a repository that validates with no problems, and a second run changes nothing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'goalpost-init-'));
    const first = await run(dir, ['init', 'okr', '--team', 'growth', '--period', '2027-H1']);
    expect(first.code).toBe(0);
    const files = tree(path.join(dir, 'okr')).sort();
    expect(files).toEqual([
      '.github/workflows/goals.yml',
      '.goalpost/schemas/check-in.schema.json',
      '.goalpost/schemas/goal-set.schema.json',
      '.goalpost/schemas/kpi-catalog.schema.json',
      '.goalpost/schemas/settings.schema.json',
      '.goalpost/schemas/team.schema.json',
      '.vscode/extensions.json',
      '.vscode/settings.json',
      'goals/2027-H1/growth.yaml',
      'goals/actuals/actuals.csv',
      'goals/goalpost.yaml',
      'goals/kpis.yaml',
      'goals/teams/growth.yaml',
    ]);
    expect(first.stdout).toContain('Created 13 files:');

    expect(await run(dir, ['validate', 'okr/goals'])).toEqual({ code: 0, stdout: '✓ No problems found.\n', stderr: '' });

    const before = new Map(files.map((f) => [f, readFileSync(path.join(dir, 'okr', f), 'utf8')]));
    const second = await run(dir, ['init', 'okr', '--team', 'growth', '--period', '2027-H1']);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Skipped 8 that already exist (nothing is overwritten):');
    expect(second.stdout).toContain('The team growth already has a goal set for 2027-H1');
    expect(second.stdout).not.toContain('Created');
    for (const [file, text] of before) expect(readFileSync(path.join(dir, 'okr', file), 'utf8')).toBe(text);
  });

  it('writes the standard marketing KPIs, the team and a month breakdown that adds up, in the chosen language', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'goalpost-init-'));
    expect((await run(dir, ['init', '--locale', 'en', '--period', '2026-Q4'])).code).toBe(0);
    const kpis = readFileSync(path.join(dir, 'goals/kpis.yaml'), 'utf8');
    expect(kpis.split('\n')[0]).toBe('# yaml-language-server: $schema=../.goalpost/schemas/kpi-catalog.schema.json');
    for (const id of ['revenue', 'market_share', 'new_customers', 'retention_rate', 'csat', 'brand_awareness', 'marketing_roi', 'attrition_rate', 'training_hours']) {
      expect(kpis).toContain(`  ${id}:\n`);
    }
    expect(kpis).toContain('name: Retention rate');
    expect(readFileSync(path.join(dir, 'goals/2026-Q4/marketing.yaml'), 'utf8')).toContain('2026-10: 333333\n          2026-11: 333333\n          2026-12: 333334');
    expect(readFileSync(path.join(dir, 'goals/actuals/actuals.csv'), 'utf8')).toBe('period,team,kpi,owner,value\n');
    const workflow = readFileSync(path.join(dir, '.github/workflows/goals.yml'), 'utf8');
    const steps = Object.values((parse(workflow) as { jobs: Record<string, { steps: { uses?: string }[] }> }).jobs).flatMap((job) => job.steps);
    expect(steps.filter((step) => step.uses?.includes('goalpost')).map((step) => step.uses)).toEqual([actionReference, actionReference]);
    // The comment that explains `uses: ./` in goalpost's own repository is left as it is.
    expect(workflow).toContain("In goalpost's own repository `uses: ./` runs the Action from the checkout");
    expect(JSON.parse(readFileSync(path.join(dir, '.vscode/extensions.json'), 'utf8'))).toEqual({ recommendations: ['redhat.vscode-yaml'] });
    const goalSetSchema = JSON.parse(readFileSync(path.join(dir, '.goalpost/schemas/goal-set.schema.json'), 'utf8')) as { definitions: { goal: { properties: { kpi: { enum: string[] }; owner: { enum: string[] } } } } };
    expect(goalSetSchema.definitions.goal.properties.kpi.enum).toContain('retention_rate');
    expect(goalSetSchema.definitions.goal.properties.owner.enum).toEqual(['lead']);
    expect((await run(dir, ['validate', 'goals'])).code).toBe(0);
  });

  it('keeps a file that is already there, and says so', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'goalpost-init-'));
    writeFileSync(path.join(dir, 'README.md'), 'mine');
    await run(dir, ['init', '--period', '2026-Q4']);
    writeFileSync(path.join(dir, 'goals/kpis.yaml'), '# edited\n');
    const result = await run(dir, ['init', '--period', '2026-Q4']);
    // The emptied catalog is offered again, and kept as it is with the editor files and schemas.
    expect(result.stdout).toContain(`Skipped 9`);
    expect(readFileSync(path.join(dir, 'goals/kpis.yaml'), 'utf8')).toBe('# edited\n');
  });

  it('refuses a bad team id or period with exit status 2', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'goalpost-init-'));
    expect(await run(dir, ['init', '--team', 'a b'])).toMatchObject({ code: 2, stderr: 'goalpost: "a b" cannot be a team id: use letters, digits and . _ - only.\n' });
    expect((await run(dir, ['init', '--period', '2026-Q5'])).code).toBe(2);
  });

  it('defaults to the current quarter', () => {
    expect(currentQuarter(new Date(2026, 10, 27))).toBe('2026-Q4');
    expect(currentQuarter(new Date(2027, 0, 1))).toBe('2027-Q1');
  });
});

/** A goals repository of a product department: its own catalog (not in kpis.yaml), people and no settings. */
const productRepository: Record<string, string> = {
  'goals/catalog.yaml': `apiVersion: goalpost/v1
kind: KpiCatalog
kpis:
  nps: {name: Net promoter score, unit: score, direction: increase, aggregate: mean}
  signups: {name: Sign-ups, unit: count, direction: increase, aggregate: sum}
  churned: {name: Churned accounts, unit: count, direction: decrease, aggregate: sum}
`,
  'goals/people/product.yaml': `apiVersion: goalpost/v1
kind: Team
id: product
name: Product
lead: ada.l
members:
  ada.l: {name: Ada Lovelace, role: Head of product}
  alan.t: {name: Alan Turing}
`,
};

function writeRepository(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'goalpost-init-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const readYaml = (dir: string, file: string): Record<string, unknown> => parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;

describe('goalpost init in an existing repository', () => {
  it("adds a team and a goal set on the repository's own KPIs and people, and writes no catalog or settings of its own", async () => {
    const dir = writeRepository(productRepository);
    const result = await run(dir, ['init', '--team', 'customer-success', '--period', '2027-Q1']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Using the KPI catalog, settings and people of goals (3 KPIs, 1 teams).');
    expect(tree(dir, 'goals').sort()).toEqual([
      'goals/2027-Q1/customer-success.yaml',
      'goals/actuals/actuals.csv',
      'goals/catalog.yaml',
      'goals/people/product.yaml',
      'goals/teams/customer-success.yaml',
    ]);
    expect(readYaml(dir, 'goals/teams/customer-success.yaml')).toMatchObject({ id: 'customer-success', name: 'Customer Success', lead: 'ada.l', members: { 'ada.l': { name: 'Ada Lovelace' } } });
    const goalSet = readYaml(dir, 'goals/2027-Q1/customer-success.yaml');
    expect(goalSet).toMatchObject({ team: 'customer-success', period: '2027-Q1', goals: [{ kpi: 'signups', owner: 'ada.l', weight: 100, title: 'Sign-ups: reach 100 in 2027-Q1' }] });
    expect(await run(dir, ['validate', 'goals'])).toEqual({ code: 0, stdout: '✓ No problems found.\n', stderr: '' });
  });

  it('adds a goal set to a team that exists, owned by its lead, and names a new lead with --lead', async () => {
    const dir = writeRepository(productRepository);
    expect((await run(dir, ['init', '--team', 'product', '--period', '2027-Q2'])).code).toBe(0);
    expect(readYaml(dir, 'goals/2027-Q2/product.yaml')).toMatchObject({ team: 'product', goals: [{ kpi: 'signups', owner: 'ada.l' }] });
    expect(existsSync(path.join(dir, 'goals/teams/product.yaml'))).toBe(false);

    expect((await run(dir, ['init', '--team', 'platform', '--lead', 'alan.t', '--period', '2027-Q2'])).code).toBe(0);
    expect(readYaml(dir, 'goals/teams/platform.yaml')).toMatchObject({ lead: 'alan.t', members: { 'alan.t': { name: 'Alan Turing' } } });
    const data = await run(dir, ['init', '--team', 'data', '--lead', 'grace.h', '--period', '2027-Q2']);
    expect(data.code).toBe(0);
    expect(readYaml(dir, 'goals/teams/data.yaml')).toMatchObject({ name: 'Data', lead: 'grace.h', members: { 'grace.h': { name: 'Grace H' } } });
    // The schemas written by the first run are kept, and no longer list the new teams and people.
    const refresh = 'refresh them with goalpost schema goals --out .goalpost/schemas';
    expect(data.stdout).toContain(`The editor schemas in .goalpost/schemas do not list the new ids yet: ${refresh}\n`);
    expect(await run(dir, ['validate', 'goals'])).toEqual({
      code: 0,
      stdout: '✓ No problems found.\n',
      stderr: `The editor schemas in .goalpost/schemas do not list the current KPI, team, people or goal ids: ${refresh}\n`,
    });
    expect((await run(dir, ['schema', 'goals', '--out', '.goalpost/schemas'])).code).toBe(0);
    expect(await run(dir, ['validate', 'goals'])).toEqual({ code: 0, stdout: '✓ No problems found.\n', stderr: '' });
  });

  it("writes in the settings' language unless --locale says otherwise, and in English without settings", async () => {
    const chinese = writeRepository({ ...productRepository, 'goals/goalpost.yaml': 'apiVersion: goalpost/v1\nkind: Settings\nlocale: zh-CN\n' });
    expect((await run(chinese, ['init', '--team', 'growth', '--period', '2027-Q1'])).code).toBe(0);
    expect(readYaml(chinese, 'goals/2027-Q1/growth.yaml')).toMatchObject({ goals: [{ title: '2027-Q1 Sign-ups达到 100' }] });
    expect((await run(chinese, ['init', '--team', 'growth', '--period', '2027-Q2', '--locale', 'en'])).code).toBe(0);
    expect(readYaml(chinese, 'goals/2027-Q2/growth.yaml')).toMatchObject({ goals: [{ title: 'Sign-ups: reach 100 in 2027-Q2' }] });

    const fresh = mkdtempSync(path.join(tmpdir(), 'goalpost-init-'));
    expect((await run(fresh, ['init', '--team', 'growth', '--period', '2027-Q1'])).code).toBe(0);
    expect(readYaml(fresh, 'goals/goalpost.yaml')).toMatchObject({ locale: 'en' });
    expect(readYaml(fresh, 'goals/teams/growth.yaml')).toMatchObject({ name: 'Growth' });
  });

  it('sets a goal that validates whatever KPIs the catalog offers: one to keep down, or one without a direction', async () => {
    const catalog = (kpis: string) => ({ ...productRepository, 'goals/catalog.yaml': `apiVersion: goalpost/v1\nkind: KpiCatalog\nkpis:\n${kpis}` });
    const decrease = writeRepository(catalog('  churned: {name: Churned accounts, unit: count, direction: decrease, aggregate: sum}\n'));
    expect((await run(decrease, ['init', '--team', 'growth', '--period', '2027-Q1'])).code).toBe(0);
    expect(readYaml(decrease, 'goals/2027-Q1/growth.yaml')).toMatchObject({ goals: [{ kpi: 'churned', title: 'Churned accounts: stay within 100 in 2027-Q1' }] });
    expect((await run(decrease, ['validate', 'goals'])).code).toBe(0);

    const undirected = writeRepository(catalog('  visits: {name: Visits per account, unit: ratio, aggregate: mean}\n'));
    expect((await run(undirected, ['init', '--team', 'growth', '--period', '2027-Q1'])).code).toBe(0);
    expect(readYaml(undirected, 'goals/2027-Q1/growth.yaml')).toMatchObject({ goals: [{ kpi: 'visits', target: 2, comparison: 'atLeast' }] });
    expect((await run(undirected, ['validate', 'goals'])).code).toBe(0);
  });

  it('adds a team to the worked example that validates with it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'goalpost-init-'));
    cpSync(path.join(repoRoot, 'goals'), path.join(dir, 'goals'), { recursive: true });
    const result = await run(dir, ['init', '--team', 'support', '--period', '2026-Q4']);
    expect(result.code).toBe(0);
    expect(readYaml(dir, 'goals/teams/support.yaml')).toMatchObject({ lead: 'zhao.gang', members: { 'zhao.gang': { name: '赵刚' } } });
    expect(readYaml(dir, 'goals/2026-Q4/support.yaml')).toMatchObject({ goals: [{ kpi: 'revenue', title: '2026-Q4 销售额达到 1,000,000' }] });
    expect(await run(dir, ['validate', 'goals'])).toEqual({ code: 0, stdout: '✓ No problems found.\n', stderr: '' });
  });
});

describe('goalpost schema', () => {
  it('writes schemas with the ids of the repository as enums', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'goalpost-schema-'));
    const result = await run(repoRoot, ['schema', 'goals', '--out', dir]);
    expect(result.code).toBe(0);
    const schema = JSON.parse(readFileSync(path.join(dir, 'goal-set.schema.json'), 'utf8')) as {
      $id?: string;
      properties: { team: { enum: string[]; markdownEnumDescriptions: string[] } };
      definitions: {
        goal: { properties: { kpi: { enum: string[]; markdownEnumDescriptions: string[] }; alignsTo: { enum: string[] }; contributors: { items: { enum: string[] } } } };
        initiative: { properties: { owner: { enum: string[] } } };
      };
    };
    expect(schema.$id).toBeUndefined();
    expect(schema.properties.team).toMatchObject({ enum: ['company', 'marketing', 'sales'], markdownEnumDescriptions: ['公司', '市场营销部', '销售部'] });
    const kpi = schema.definitions.goal.properties.kpi;
    expect(kpi.enum[0]).toBe('revenue');
    expect(kpi.markdownEnumDescriptions[0]).toBe('销售额 · `CNY`');
    expect(schema.definitions.goal.properties.alignsTo.enum).toContain('company/market-share');
    // A shared goal's teams and an initiative's owner complete from the repository too.
    expect(schema.definitions.goal.properties.contributors.items.enum).toEqual(['company', 'marketing', 'sales']);
    expect(schema.definitions.initiative.properties.owner.enum).toContain('sun.tao');
  });

  it('--check exits 1 when the KPI, team or people ids have changed since the schemas were written, 0 while they are current', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'goalpost-schema-'));
    cpSync(path.join(repoRoot, 'goals'), path.join(dir, 'goals'), { recursive: true });
    const edit = (file: string, from: string, to: string): void => {
      const text = readFileSync(path.join(dir, file), 'utf8');
      expect(text).toContain(from);
      writeFileSync(path.join(dir, file), text.replace(from, to));
    };
    const upToDate = { code: 0, stdout: 'The schemas in .goalpost/schemas are up to date.\n', stderr: '' };

    expect((await run(dir, ['schema', 'goals', '--check'])).code).toBe(1);
    expect((await run(dir, ['schema', 'goals'])).stdout).toContain('Wrote .goalpost/schemas/kpi-catalog.schema.json');
    expect(await run(dir, ['schema', 'goals', '--check'])).toEqual(upToDate);
    expect(await run(path.join(dir, 'goals'), ['schema', '.', '--check', '--out', '../.goalpost/schemas'])).toMatchObject({ code: 0 });

    // A new title changes only a description: what the editor accepts is the same.
    edit('goals/2026-Q4/marketing.yaml', 'title: 第四季度销售额达到 1200 万元', 'title: 第四季度销售额达到一千二百万元');
    expect(await run(dir, ['schema', 'goals', '--check'])).toEqual(upToDate);

    edit('goals/teams/marketing.yaml', 'members:\n', 'members:\n  chen.jie: {name: 陈杰}\n');
    expect(await run(dir, ['schema', 'goals', '--check'])).toEqual({
      code: 1,
      stdout: 'The schemas in .goalpost/schemas are out of date (team.schema.json, goal-set.schema.json): refresh them with goalpost schema goals --out .goalpost/schemas\n',
      stderr: '',
    });
    expect((await run(dir, ['schema', 'goals'])).code).toBe(0);
    expect(await run(dir, ['schema', 'goals', '--check'])).toEqual(upToDate);

    edit('goals/kpis.yaml', 'kpis:\n', 'kpis:\n  leads: {name: 线索数, unit: count, direction: increase, aggregate: sum}\n');
    expect(await run(dir, ['schema', 'goals', '--check'])).toMatchObject({ code: 1, stdout: expect.stringContaining('(goal-set.schema.json)') });
    expect((await run(dir, ['schema', 'goals', '--out', 'elsewhere'])).code).toBe(0);
    expect(await run(dir, ['schema', 'goals', '--check', '--out', 'elsewhere'])).toMatchObject({ code: 0 });
  });
});
