import { describe, expect, it } from 'vitest';
import { positions, validateFixture } from '../helpers/fixtures.js';

describe('breakdown-totals', () => {
  const diagnostics = validateFixture('checks/breakdown-sum');

  it('reports each breakdown that does not add up on its items key, nested ones included', () => {
    expect(positions(diagnostics)).toEqual([
      'breakdown-sum 2026-Q4/marketing.yaml:14:9-14:14',
      'breakdown-sum 2026-Q4/marketing.yaml:23:17-23:22',
      'breakdown-mismatch 2026-Q4/marketing.yaml:32:9-32:14',
    ]);
  });

  it('shows the target, the sum and the difference', () => {
    expect(diagnostics[0]!.message).toBe(
      "The breakdown by owner adds up to 11,900,000, but the goal's target is 12,000,000: 100,000 short (0.83%).",
    );
    expect(diagnostics[1]!.message).toBe(
      'The breakdown by channel adds up to 5,000,000, but the target of item "south" is 6,000,000: 1,000,000 short (16.67%).',
    );
  });

  it('checks a mean KPI by the mean of its parts', () => {
    expect(diagnostics[2]!.message).toContain('its items average 4.45, but the goal\'s target is 4.5: 0.05 short');
  });
});

describe('breakdown-totals over quarters and halves', () => {
  const diagnostics = validateFixture('checks/year-parts').filter((d) => d.code.startsWith('breakdown-'));

  it('combines quarters and halves like months, nested ones included', () => {
    expect(positions(diagnostics)).toEqual(['breakdown-mismatch 2026-H2/marketing.yaml:29:9-29:14', 'breakdown-sum 2026/marketing.yaml:14:9-14:14']);
  });

  it('averages the quarters of a mean KPI', () => {
    // (4.4 + 4.4) ÷ 2 = 4.4, 0.1 below 4.5: 0.1 ÷ 4.5 = 2.22%.
    expect(diagnostics[0]!.message).toBe(
      `The breakdown by quarter should average to the goal's target, since KPI "csat" combines quarters by mean: its items average 4.4, but the goal's target is 4.5: 0.1 short (2.22%).`,
    );
  });

  it('adds up the quarters of a summed KPI', () => {
    // 10,000,000 + 12,000,000 + 12,000,000 + 13,000,000 = 47,000,000; 1,000,000 ÷ 48,000,000 = 2.08%.
    expect(diagnostics[1]!.message).toBe(
      "The breakdown by quarter adds up to 47,000,000, but the goal's target is 48,000,000: 1,000,000 short (2.08%).",
    );
  });
});
