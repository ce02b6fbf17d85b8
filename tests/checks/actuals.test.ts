import { describe, expect, it } from 'vitest';
import { positions, validateFixture } from '../helpers/fixtures.js';

describe('actuals', () => {
  it('reports each bad row at its cell: period, duplicates, value, team, KPI, derived KPI, owner, row length', () => {
    const diagnostics = validateFixture('checks/actuals');
    expect(positions(diagnostics)).toEqual([
      'actuals-period actuals/actuals.csv:3:1-3:8',
      'duplicate-actual actuals/actuals.csv:4:1-4:44',
      'actuals-value actuals/actuals.csv:5:25-5:29',
      'unknown-team actuals/actuals.csv:6:9-6:14',
      'unknown-kpi actuals/actuals.csv:6:15-6:21',
      'actuals-derived-kpi actuals/actuals.csv:7:19-7:31',
      'unknown-person actuals/actuals.csv:8:27-8:36',
      'actuals-row-length actuals/actuals.csv:9:1-9:36',
    ]);
    expect(diagnostics[1]!.message).toBe('This row repeats row 2 (2026-10, marketing, revenue, owner zhang.min); keep one value for each.');
    expect(diagnostics[2]!.message).toBe('"4.3%" is a percentage; write it as a fraction such as 0.043.');
  });

  it('reports a header without a value column', () => {
    expect(positions(validateFixture('checks/actuals-header'))).toEqual(['actuals-header actuals/actuals.csv:1:1-1:23']);
  });

  it('warns about dimension values that match no breakdown item, and reports an unclosed quote', () => {
    const diagnostics = validateFixture('checks/actuals-dimensions');
    expect(positions(diagnostics)).toEqual([
      'unknown-dimension-value actuals/regions.csv:3:27-3:31',
      'csv-syntax actuals/regions.csv:5:1-5:2',
    ]);
    expect(diagnostics[0]!.severity).toBe('warning');
  });
});
