import { describe, expect, it } from 'vitest';
import { readGoalsDirectory } from '../../src/load/read-directory.js';
import { validateRepository } from '../../src/validate.js';
import { repoRoot, validateFixture } from '../helpers/fixtures.js';

describe('the worked example', () => {
  it('validates goals/ with no problems at all', async () => {
    const files = await readGoalsDirectory(`${repoRoot}goals`);
    expect(files.map((f) => f.path.slice(repoRoot.length)).sort()).toEqual([
      'goals/2026-Q3/marketing.yaml',
      'goals/2026-Q3/sales.yaml',
      'goals/2026-Q4/company.yaml',
      'goals/2026-Q4/marketing.yaml',
      'goals/2026-Q4/sales.yaml',
      'goals/FY2026/company.yaml',
      'goals/actuals/2026-q1-q3.csv',
      'goals/actuals/2026-q4.csv',
      'goals/actuals/pulled/2026-10.csv',
      'goals/actuals/pulled/2026-11.csv',
      'goals/checkins/2026-11-02-marketing.yaml',
      'goals/checkins/2026-11-16-marketing.yaml',
      'goals/goalpost.yaml',
      'goals/kpis.yaml',
      'goals/teams/company.yaml',
      'goals/teams/marketing.yaml',
      'goals/teams/sales.yaml',
    ]);
    const { diagnostics, model } = validateRepository(files);
    expect(diagnostics).toEqual([]);
    expect([...model.kpis.keys()]).toContain('retention_rate');
    expect(model.goalSets.map((s) => `${s.team} ${s.period?.id} ${s.goals.length}`).sort()).toEqual([
      'company 2026-Q4 3',
      'company FY2026 1',
      'marketing 2026-Q3 2',
      'marketing 2026-Q4 6',
      'sales 2026-Q3 2',
      'sales 2026-Q4 2',
    ]);
    expect(model.settings).toMatchObject({
      locale: 'zh-CN',
      tolerance: 0.001,
      cap: 1.2,
      thresholds: { green: 1, amber: 0.9 },
      fiscalYearStart: 1,
      rollups: 'warning',
      challenge: { enabled: true, maxGrowth: 1 },
    });
  });

  it('the base fixture of the check tests is valid too', () => {
    expect(validateFixture('base')).toEqual([]);
  });
});
