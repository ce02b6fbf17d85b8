import { describe, expect, it } from 'vitest';
import { positions, validateFixture } from '../helpers/fixtures.js';

describe('thresholds-order', () => {
  it('reports amber above green in the settings and in a goal, merging a goal override with the settings', () => {
    const diagnostics = validateFixture('checks/thresholds-order');
    expect(positions(diagnostics)).toEqual([
      'invalid-thresholds 2026-Q4/marketing.yaml:12:37-12:41',
      'invalid-thresholds goalpost.yaml:5:10-5:13',
    ]);
    // q4-csat overrides green only (1.2), so its amber is the settings' 1.1: valid.
    expect(diagnostics[1]!.message).toBe(
      'The amber threshold (1.1) is above the green threshold (1); a goal is at risk below green and off track below amber.',
    );
  });
});
