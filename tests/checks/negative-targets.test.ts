import { describe, expect, it } from 'vitest';
import { positions, validateFixture } from '../helpers/fixtures.js';

describe('negative-targets', () => {
  it('reports negative targets and items of a currency KPI, but not of a score', () => {
    const diagnostics = validateFixture('checks/negative-target');
    expect(positions(diagnostics)).toEqual([
      'negative-target 2026-Q4/marketing.yaml:9:13-9:22',
      'negative-target 2026-Q4/marketing.yaml:14:28-14:36',
      'negative-target 2026-Q4/marketing.yaml:14:58-14:66',
    ]);
    expect(diagnostics[0]!.message).toBe('The target -12,000,000 is negative, but KPI "revenue" is measured in CNY, which cannot be below zero.');
  });
});
