import { describe, expect, it } from 'vitest';
import { standaloneFixtureFiles } from '../helpers/fixtures.js';
import { validateRepository } from '../../src/validate.js';

describe('the file formats of the contract', () => {
  it('validate exactly as written in the specification, with their two header lines added', () => {
    const files = standaloneFixtureFiles('acceptance');
    expect(files.map((f) => f.path).sort()).toEqual([
      '2026-Q4/marketing.yaml',
      'actuals/actuals.csv',
      'goalpost.yaml',
      'kpis.yaml',
      'teams/marketing.yaml',
    ]);
    const { diagnostics, model } = validateRepository(files);
    expect(diagnostics).toEqual([]);
    expect(model.kpis.size).toBe(15);
    expect(model.goalSets[0]!.goals.map((g) => g.weight)).toEqual([40, 20, 15, 15, 10]);
  });
});
