import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../src/cli/cli.js';
import { currentQuarter } from '../../src/init/init.js';
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
    expect(first.stdout).toContain('Created 12 files:');

    expect(await run(dir, ['validate', 'okr/goals'])).toEqual({ code: 0, stdout: '✓ No problems found.\n', stderr: '' });

    const before = new Map(files.map((f) => [f, readFileSync(path.join(dir, 'okr', f), 'utf8')]));
    const second = await run(dir, ['init', 'okr', '--team', 'growth', '--period', '2027-H1']);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Skipped 12 that already exist (nothing is overwritten):');
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
    expect(readFileSync(path.join(dir, '.github/workflows/goals.yml'), 'utf8')).toContain('uses: goalpost/goalpost@v1');
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
    expect(result.stdout).toContain(`Skipped 12`);
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

describe('goalpost schema', () => {
  it('writes schemas with the ids of the repository as enums', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'goalpost-schema-'));
    const result = await run(repoRoot, ['schema', 'goals', '--out', dir]);
    expect(result.code).toBe(0);
    const schema = JSON.parse(readFileSync(path.join(dir, 'goal-set.schema.json'), 'utf8')) as {
      $id?: string;
      properties: { team: { enum: string[]; markdownEnumDescriptions: string[] } };
      definitions: { goal: { properties: { kpi: { enum: string[]; markdownEnumDescriptions: string[] }; alignsTo: { enum: string[] } } } };
    };
    expect(schema.$id).toBeUndefined();
    expect(schema.properties.team).toMatchObject({ enum: ['company', 'marketing'], markdownEnumDescriptions: ['公司', '市场营销部'] });
    const kpi = schema.definitions.goal.properties.kpi;
    expect(kpi.enum[0]).toBe('revenue');
    expect(kpi.markdownEnumDescriptions[0]).toBe('销售额 · `CNY`');
    expect(schema.definitions.goal.properties.alignsTo.enum).toContain('company/market-share');
  });
});
