import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../src/cli/cli.js';
import { repoRoot } from '../helpers/fixtures.js';
import { labels, LspClient } from '../helpers/lsp-client.js';

/**
 * The shipped schemas, as the Red Hat YAML extension uses them: the real
 * yaml-language-server, configured with yaml.schemas the way VS Code's
 * settings would, with the schema store off.
 */
const serverPath = createRequire(import.meta.url).resolve('yaml-language-server/bin/yaml-language-server');
let client: LspClient;
let dir: string;
const uri = (file: string): string => pathToFileURL(path.join(dir, file)).href;
const schema = (name: string): string => pathToFileURL(path.join(repoRoot, 'schemas', name)).href;

const goalSetText = [
  'apiVersion: goalpost/v1',
  'kind: GoalSet',
  'team: marketing',
  'period: 2026-Q4',
  'goals:',
  '  - id: q4-revenue',
  '    title: 第四季度销售额达到 1200 万元',
  '    kpi: revenue',
  '    ',
  '  - id: q4-csat',
  '    title: 客户满意度',
  '    kpi: csat',
  '    target: 4.5',
  '    weight: "forty"',
  '    owner: wang.fang',
  '',
].join('\n');

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'goalpost-yls-'));
  cpSync(path.join(repoRoot, 'goals'), path.join(dir, 'goals'), { recursive: true });
  // The example's files name their schema in a first-line comment, relative to the repository.
  cpSync(path.join(repoRoot, 'schemas'), path.join(dir, 'schemas'), { recursive: true });
  const io = { stdout: () => undefined, stderr: () => undefined, isTTY: false, env: {}, cwd: dir };
  expect(await cli(['schema', 'goals', '--out', '.goalpost/schemas'], io)).toBe(0);
  const specialised = pathToFileURL(path.join(dir, '.goalpost/schemas/goal-set.schema.json')).href;
  const yaml = {
    schemas: {
      [specialised]: ['drafts/*.yaml'],
      [schema('kpi-catalog.schema.json')]: ['goals/kpis.yaml'],
      [schema('team.schema.json')]: ['goals/teams/*.yaml'],
      [schema('settings.schema.json')]: ['goals/goalpost.yaml'],
      [schema('check-in.schema.json')]: ['goals/checkins/*.yaml'],
      [schema('goal-set.schema.json')]: ['goals/2026-Q4/*.yaml', 'goals/2026-Q3/*.yaml'],
    },
    schemaStore: { enable: false },
    validate: true,
    completion: true,
    hover: true,
    format: { enable: false },
  };
  client = new LspClient(process.execPath, [serverPath, '--stdio'], (section) => (section === 'yaml' ? yaml : section === undefined ? { yaml } : null));
  await client.initialize(pathToFileURL(dir).href);
  // The server ignores this payload and asks with workspace/configuration, which the client answers.
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { yaml } });
});

afterAll(async () => {
  await client?.stop();
});

describe('the shipped schemas in yaml-language-server', () => {
  it('publish a diagnostic on the line of a wrong type, and offer the keys a goal is missing', async () => {
    const file = uri('goals/2026-Q4/marketing.yaml');
    const published = client.diagnosticsFor(file);
    await client.open(file, goalSetText);
    const { diagnostics } = await published;
    const wrongType = diagnostics.find((d) => d.range.start.line === 13);
    expect(wrongType, JSON.stringify(diagnostics)).toBeDefined();
    expect(wrongType!.message).toMatch(/number/i);

    const completion = labels(await client.completion(file, 8, 4));
    expect(completion).toEqual(expect.arrayContaining(['target', 'weight', 'owner', 'breakdown']));
    expect(completion).not.toContain('kpi'); // already there
  });

  it('offers the directions after "direction: "', async () => {
    const file = uri('goals/kpis.yaml');
    const text = 'apiVersion: goalpost/v1\nkind: KpiCatalog\nkpis:\n  leads:\n    name: 线索数\n    direction: \n';
    const published = client.diagnosticsFor(file);
    await client.open(file, text);
    await published;
    expect(labels(await client.completion(file, 5, 15))).toEqual(expect.arrayContaining(['increase', 'decrease']));
  });

  it('offers the KPI ids and people of the repository with the schemas of goalpost schema', async () => {
    const file = uri('drafts/q1.yaml');
    const text = 'apiVersion: goalpost/v1\nkind: GoalSet\nteam: marketing\nperiod: 2027-Q1\ngoals:\n  - id: q1-revenue\n    kpi: \n    owner: \n';
    const published = client.diagnosticsFor(file);
    await client.open(file, text);
    await published;
    expect(labels(await client.completion(file, 6, 9))).toEqual(expect.arrayContaining(['revenue', 'market_share', 'retention_rate', 'attrition_rate']));
    expect(labels(await client.completion(file, 7, 11))).toEqual(expect.arrayContaining(['li.wei', 'zhang.min', 'zhao.gang']));
  });

  it('describes a check-in, its confidence, a review and an incentive curve in English and Chinese', async () => {
    const hoverOn = async (file: string, line: string, character: number): Promise<string> => {
      const text = readFileSync(path.join(dir, file), 'utf8');
      const published = client.diagnosticsFor(uri(file));
      await client.open(uri(file), text);
      const { diagnostics } = await published;
      expect(diagnostics, file).toEqual([]);
      return JSON.stringify((await client.hover(uri(file), text.split('\n').indexOf(line), character))?.contents);
    };
    expect(await hoverOn('goals/checkins/2026-11-02-marketing.yaml', '    confidence: 6', 6)).toContain('信心指数');
    expect(await hoverOn('goals/2026-Q3/marketing.yaml', 'review:', 2)).toContain('复盘');
    expect(await hoverOn('goals/goalpost.yaml', 'incentives:', 2)).toContain('激励');
  });

  it('shows the description of weight on hover', async () => {
    const file = uri('goals/2026-Q4/marketing.yaml');
    const hover = await client.hover(file, 13, 5);
    expect(JSON.stringify(hover?.contents)).toContain('The share of this goal in the team score');
    expect(JSON.stringify(hover?.contents)).toContain('权重');
  });
});
