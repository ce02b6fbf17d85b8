import { describe, expect, it } from 'vitest';
import { readGoalsDirectory } from '../../src/load/read-directory.js';
import { validateRepository } from '../../src/validate.js';
import { repoRoot, validateFixture } from '../helpers/fixtures.js';

describe('the worked example', () => {
  it('validates goals/ with no problems at all', async () => {
    const files = await readGoalsDirectory(`${repoRoot}goals`);
    expect(files.map((f) => f.path.slice(repoRoot.length)).sort()).toEqual([
      'goals/2026-Q4/company.yaml',
      'goals/2026-Q4/marketing.yaml',
      'goals/actuals/2026-q4.csv',
      'goals/goalpost.yaml',
      'goals/kpis.yaml',
      'goals/teams/company.yaml',
      'goals/teams/marketing.yaml',
    ]);
    const { diagnostics, model } = validateRepository(files);
    expect(diagnostics).toEqual([]);
    expect([...model.kpis.keys()]).toContain('retention_rate');
    expect(model.goalSets.map((s) => `${s.team} ${s.period?.id} ${s.goals.length}`)).toEqual(['company 2026-Q4 4', 'marketing 2026-Q4 6']);
    expect(model.settings).toMatchObject({ locale: 'zh-CN', tolerance: 0.001, cap: 1.2, thresholds: { green: 1, amber: 0.9 } });
  });

  it('the base fixture of the check tests is valid too', () => {
    expect(validateFixture('base')).toEqual([]);
  });
});
