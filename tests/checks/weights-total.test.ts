import { describe, expect, it } from 'vitest';
import { positions, validateFixture } from '../helpers/fixtures.js';

describe('weights-total', () => {
  it('reports weights that do not add up to 100 on the goals key', () => {
    const diagnostics = validateFixture('checks/weights-total');
    expect(positions(diagnostics)).toEqual(['weights-total 2026-Q4/marketing.yaml:5:1-5:6']);
    expect(diagnostics[0]!.message).toBe('The goal weights add up to 95, not 100 (q4-revenue 60, q4-csat 35).');
  });
});
