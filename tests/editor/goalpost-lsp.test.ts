import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/fixtures.js';
import { labels, LspClient } from '../helpers/lsp-client.js';

/** `goalpost lsp` driven by a real client over stdio, on a copy of the example. */
let client: LspClient;
let dir: string;
const uri = (file: string): string => pathToFileURL(path.join(dir, file)).href;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'goalpost-lsp-'));
  cpSync(path.join(repoRoot, 'goals'), path.join(dir, 'goals'), { recursive: true });
  client = new LspClient(process.execPath, [path.join(repoRoot, 'bin/goalpost.js'), 'lsp', '--stdio'], () => null);
  const result = (await client.initialize(pathToFileURL(dir).href)) as { capabilities: { completionProvider?: unknown } };
  expect(result.capabilities.completionProvider).toBeDefined();
});

afterAll(async () => {
  await client?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('goalpost lsp', () => {
  it('publishes the breakdown-sum diagnostic on the breakdown line as the owner split is off by 100,000, and clears it when fixed', async () => {
    const file = uri('goals/2026-Q4/marketing.yaml');
    const original = readFileSync(path.join(dir, 'goals/2026-Q4/marketing.yaml'), 'utf8');
    const broken = original.replace('items: {zhang.min: 5000000, wang.fang: 7000000}', 'items: {zhang.min: 4900000, wang.fang: 7000000}');
    const line = broken.split('\n').findIndex((l) => l.includes('zhang.min: 4900000'));

    const published = client.diagnosticsFor(file, (p) => p.diagnostics.length > 0);
    await client.open(file, broken);
    const { diagnostics } = await published;
    expect(diagnostics).toEqual([
      {
        range: { start: { line, character: 8 }, end: { line, character: 13 } },
        severity: 1,
        code: 'breakdown-sum',
        source: 'goalpost',
        message: "The breakdown by owner adds up to 11,900,000, but the goal's target is 12,000,000: 100,000 short (0.83%).",
      },
    ]);

    const cleared = client.diagnosticsFor(file, (p) => p.diagnostics.length === 0);
    await client.change(file, 2, original);
    expect((await cleared).diagnostics).toEqual([]);
  });

  it('reports problems in other files that an edit causes, across the repository', async () => {
    const file = uri('goals/kpis.yaml');
    const text = readFileSync(path.join(dir, 'goals/kpis.yaml'), 'utf8').replace('  revenue:            {', '  sales:              {');
    const goalSet = client.diagnosticsFor(uri('goals/2026-Q4/marketing.yaml'), (p) => p.diagnostics.some((d) => d.code === 'unknown-kpi'));
    await client.open(file, text);
    const { diagnostics } = await goalSet;
    expect(diagnostics.filter((d) => d.code === 'unknown-kpi').map((d) => d.message)[0]).toBe('KPI "revenue" is not in the KPI catalog.');
    const restored = client.diagnosticsFor(uri('goals/2026-Q4/marketing.yaml'), (p) => p.diagnostics.length === 0);
    await client.change(file, 2, readFileSync(path.join(dir, 'goals/kpis.yaml'), 'utf8'));
    await restored;
  });

  it('reads a file changed outside the editor again when the editor reports it, and checks the repository with it', async () => {
    const team = path.join(dir, 'goals/teams/marketing.yaml');
    const original = readFileSync(team, 'utf8');
    const goalSet = uri('goals/2026-Q4/marketing.yaml');
    const broken = client.diagnosticsFor(goalSet, (p) => p.diagnostics.some((d) => d.code === 'unknown-person'));
    writeFileSync(team, original.replace(/^ {2}zhang\.min: .*\n/m, ''));
    await client.filesChanged([{ uri: uri('goals/teams/marketing.yaml'), type: 2 }]);
    expect((await broken).diagnostics.map((d) => `${d.code} ${d.range.start.line + 1}:${d.range.start.character + 1}`)).toEqual([
      'unknown-person 16:17',
      'unknown-person 20:48',
      'unknown-person 27:12',
      'unknown-person 31:17',
    ]);

    const restored = client.diagnosticsFor(goalSet, (p) => p.diagnostics.length === 0);
    writeFileSync(team, original);
    await client.filesChanged([{ uri: uri('goals/teams/marketing.yaml'), type: 2 }]);
    await restored;
  });

  it('completes KPI ids, members of the team, team ids and goals to align to', async () => {
    const file = uri('goals/2026-Q4/draft.yaml');
    const text = 'apiVersion: goalpost/v1\nkind: GoalSet\nteam: marketing\nperiod: 2026-Q4\ngoals:\n  - id: x\n    kpi: \n    owner: \n    alignsTo: \n';
    await client.open(file, text);
    expect(labels(await client.completion(file, 6, 9))).toEqual(expect.arrayContaining(['revenue', 'market_share', 'retention_rate']));
    expect(labels(await client.completion(file, 7, 11)).sort()).toEqual(['chen.jie', 'li.wei', 'wang.fang', 'zhang.min']);
    expect(labels(await client.completion(file, 2, 6)).sort()).toEqual(['company', 'marketing', 'sales']);
    // Goals of other teams whose periods overlap 2026-Q4: sales' third-quarter goals would not be found.
    expect(labels(await client.completion(file, 8, 14))).toEqual([
      'company/new-customers',
      'company/retention',
      'company/market-share',
      'sales/q4-revenue',
      'sales/q4-new-customers',
      'company/revenue',
    ]);
  });
});
