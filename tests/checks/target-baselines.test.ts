import { describe, expect, it } from 'vitest';
import { positions, validateFixture } from '../helpers/fixtures.js';

describe('target-baselines', () => {
  const diagnostics = validateFixture('checks/target-baselines');

  it('reports targets of 0 or below without a baseline, and baselines that equal or pass the target, at the value', () => {
    expect(positions(diagnostics)).toEqual([
      'target-needs-baseline 2026-Q4/marketing.yaml:9:13-9:16',
      'target-needs-baseline 2026-Q4/marketing.yaml:12:72-12:73',
      'target-needs-baseline 2026-Q4/marketing.yaml:16:13-16:14',
      'baseline-equals-target 2026-Q4/marketing.yaml:21:60-21:63',
      'baseline-beyond-target 2026-Q4/marketing.yaml:25:15-25:23',
      'baseline-beyond-target 2026-Q4/marketing.yaml:29:66-29:70',
    ]);
  });

  it('accepts a target of 0 with comparison: atMost, and a negative target with a baseline below it (lines 19 and 20)', () => {
    expect(diagnostics.filter((d) => d.line === 19 || d.line === 20)).toEqual([]);
  });

  it('explains, for a negative NPS target, that attainment is a share of the target and what a baseline is', () => {
    expect(diagnostics[0]!.message).toBe(
      'The target is -10, but attainment is measured as a share of the target (actual ÷ target), which only works for a target above zero. Add a baseline (where the KPI starts from, below -10) so that attainment measures the progress from it towards the target.',
    );
  });

  it('offers comparison: atMost for a decrease KPI with a target of 0', () => {
    expect(diagnostics[2]!.message).toBe(
      'The target is 0, but for a KPI where less is better, attainment is measured as target ÷ actual, which is 0 for any actual above the target: the goal would score nothing however close it came. If the goal is met while the KPI stays at 0, use comparison: atMost; otherwise add a baseline (where the KPI starts from, above 0) so that attainment measures the progress from it towards the target.',
    );
  });

  it('says which side of the target the baseline belongs on, for either direction', () => {
    expect(diagnostics[3]!.message).toBe(
      'The baseline is the same as the target, 4.5: attainment measures the progress from the baseline towards the target, and there is no distance between them to measure it by. Set the baseline to where the KPI starts from; or, if the goal is to hold the KPI at 4.5, remove the baseline and use comparison: atLeast.',
    );
    expect(diagnostics[4]!.message).toBe(
      'The baseline 15,000,000 is above the target 12,000,000, but more is better for KPI "revenue": measured from this baseline, attainment would fall as the KPI improves. A baseline is where the KPI starts from, below the target; if the goal is to stay at or above 12,000,000, remove the baseline and use comparison: atLeast.',
    );
    expect(diagnostics[5]!.message).toContain('The baseline 0.03 is below the target 0.05, but less is better for KPI "churn_rate"');
  });

  it('leaves a negative target of a money KPI to negative-target alone', () => {
    expect(validateFixture('checks/negative-target').map((d) => d.code)).not.toContain('target-needs-baseline');
  });
});
