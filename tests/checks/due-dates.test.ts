import { describe, expect, it } from 'vitest';
import { positions, validateFixture } from '../helpers/fixtures.js';

describe('due-dates', () => {
  it('warns about a due date outside the period, and accepts the last day of it', () => {
    const diagnostics = validateFixture('checks/due-dates');
    expect(positions(diagnostics)).toEqual(['due-outside-period 2026-Q4/marketing.yaml:12:10-12:20']);
    expect(diagnostics[0]!.severity).toBe('warning');
    expect(diagnostics[0]!.message).toBe('The goal is due on 2027-01-15, outside its period 2026-Q4 (2026-10 to 2026-12).');
  });
});
