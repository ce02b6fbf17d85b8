import { describe, expect, it } from 'vitest';
import { positions, validateFixture } from '../helpers/fixtures.js';

describe('unique-ids', () => {
  it('reports a goal id used twice in a goal set and a team id defined twice', () => {
    const diagnostics = validateFixture('checks/duplicate-id');
    expect(positions(diagnostics)).toEqual(['duplicate-id 2026-Q4/marketing.yaml:12:9-12:19', 'duplicate-id teams/sales.yaml:3:5-3:14']);
    expect(diagnostics[0]!.message).toBe('Goal id "q4-revenue" is already used on line 6 of this goal set.');
    expect(diagnostics[1]!.message).toBe('Team "marketing" is already defined at teams/marketing.yaml:3.');
  });

  it('reports two goal sets for the same team and period on the period of the second', () => {
    const diagnostics = validateFixture('checks/duplicate-goal-set');
    expect(positions(diagnostics)).toEqual(['duplicate-goal-set 2026-Q4/marketing.yaml:4:9-4:16']);
    expect(diagnostics[0]!.message).toContain('at 2026-Q4/marketing-copy.yaml:4');
  });

  it('reports a second Settings file', () => {
    expect(positions(validateFixture('checks/duplicate-settings'))).toEqual(['duplicate-settings settings/more.yaml:2:7-2:15']);
  });
});
