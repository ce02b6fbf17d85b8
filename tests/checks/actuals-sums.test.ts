import { describe, expect, it } from 'vitest';
import { positions, validateFixture } from '../helpers/fixtures.js';

describe('actuals-sums', () => {
  const diagnostics = validateFixture('checks/actuals-sums');

  it('refuses a value beyond 1e15 at its cell, and the row whose value takes a team KPI past it, once, across files', () => {
    expect(positions(diagnostics)).toEqual([
      'actuals-value actuals/actuals.csv:3:25-3:29',
      'actuals-value actuals/actuals.csv:5:32-5:47',
      'actuals-value actuals/revenue.csv:2:37-2:41',
    ]);
    expect(diagnostics[0]!.message).toBe('2e15 is too large for goalpost to add up exactly: a value can be at most 1,000,000,000,000,000 either way.');
    expect(diagnostics[2]!.message).toBe(
      'With this value, the actuals of KPI "revenue" for team "marketing" add up to more than 1,000,000,000,000,000 (counting every value as positive), too large for goalpost to add up exactly. Check the unit of the values.',
    );
  });
});
