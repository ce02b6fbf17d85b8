import { describe, expect, it } from 'vitest';
import { positions, validateFixture } from '../helpers/fixtures.js';

describe('breakdown-months', () => {
  it('reports months outside the period and keys that are not months', () => {
    const diagnostics = validateFixture('checks/breakdown-months');
    expect(positions(diagnostics)).toEqual([
      'month-outside-period 2026-Q4/marketing.yaml:14:53-14:60',
      'invalid-month 2026-Q4/marketing.yaml:19:11-19:19',
    ]);
    expect(diagnostics[0]!.message).toBe('2027-01 is outside the period 2026-Q4 (2026-10 to 2026-12).');
  });
});
