import { describe, expect, it } from 'vitest';
import { positions, validateFixture } from '../helpers/fixtures.js';

describe('actuals-totals', () => {
  it('warns at the total where the rows by owner add up to something else', () => {
    const diagnostics = validateFixture('checks/actuals-totals');
    expect(positions(diagnostics)).toEqual(['actuals-total-mismatch actuals/actuals.csv:4:28-4:35']);
    expect(diagnostics[0]!.severity).toBe('warning');
    expect(diagnostics[0]!.message).toContain('is 3,500,000, but its rows by owner add up to 3,600,000');
  });
});
