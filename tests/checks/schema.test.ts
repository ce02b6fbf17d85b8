import { describe, expect, it } from 'vitest';
import { positions, validateFixture } from '../helpers/fixtures.js';

describe('schema checks', () => {
  it('reports a wrong type, a missing key and an unknown key with a did-you-mean', () => {
    const diagnostics = validateFixture('checks/schema');
    expect(positions(diagnostics)).toEqual([
      'wrong-type 2026-Q4/marketing.yaml:9:13-9:25',
      'missing-key 2026-Q4/marketing.yaml:15:5-15:16',
      'unknown-key 2026-Q4/marketing.yaml:18:5-18:11',
    ]);
    expect(diagnostics.map((d) => d.message)).toEqual([
      'The target should be a number, but it is the text "12,000,000".',
      'This goal is missing "target". (target: The value to reach by the end of the period)',
      'Unknown key "tagret" in a goal. Did you mean "target"?',
    ]);
  });

  it('reports values outside a pattern, a range or a list of choices', () => {
    const diagnostics = validateFixture('checks/invalid-value');
    expect(positions(diagnostics)).toEqual([
      'invalid-value 2026-Q4/marketing.yaml:4:9-4:16',
      'invalid-value 2026-Q4/marketing.yaml:10:13-10:16',
      'invalid-value 2026-Q4/marketing.yaml:12:17-12:24',
      'invalid-value 2026-Q4/marketing.yaml:17:13-17:16',
    ]);
    expect(diagnostics[0]!.message).toContain('A period is a year (2026), a half (2026-H2), a quarter (2026-Q4), a month (2026-11), or a fiscal year, half or quarter (FY2027, FY2027-H1, FY2027-Q1).');
    expect(diagnostics[2]!.message).toBe('The comparison must be one of atLeast or atMost, not "atleast". Did you mean "atLeast"?');
  });

  it('refuses targets, breakdown items and baselines beyond 1e15 either way, quoting them as written', () => {
    const diagnostics = validateFixture('checks/value-range');
    expect(positions(diagnostics)).toEqual([
      'invalid-value 2026-Q4/marketing.yaml:9:13-9:17',
      'invalid-value 2026-Q4/marketing.yaml:14:28-14:44',
      'invalid-value 2026-Q4/marketing.yaml:14:66-14:70',
      'invalid-value 2026-Q4/marketing.yaml:15:61-15:66',
    ]);
    expect(diagnostics[0]!.message).toBe('The target is 1e16, too large for goalpost to add up exactly: it can be at most 1,000,000,000,000,000 either way.');
    expect(diagnostics[3]!.message).toBe('The baseline is -2e15, too large for goalpost to add up exactly: it can be at most 1,000,000,000,000,000 either way.');
  });
});

describe('headers', () => {
  it('reports a YAML file without apiVersion and kind', () => {
    expect(positions(validateFixture('checks/missing-header'))).toEqual(['missing-header 2026-Q4/notes.yaml:2:1-2:16']);
  });

  it('names the supported kinds for an unknown kind', () => {
    const diagnostics = validateFixture('checks/unknown-kind').filter((d) => d.code === 'unknown-kind');
    expect(positions(diagnostics)).toEqual(['unknown-kind teams/marketing.yaml:2:7-2:12']);
    expect(diagnostics[0]!.message).toBe(
      'Unknown kind "Teams". The supported kinds are KpiCatalog, Team, GoalSet, Settings, CheckIn. Did you mean "Team"?',
    );
  });

  it('reports an unsupported apiVersion, and the file then counts as absent', () => {
    const diagnostics = validateFixture('checks/unsupported-api-version');
    expect(positions(diagnostics)).toEqual([
      'unknown-team 2026-Q4/marketing.yaml:3:7-3:16',
      'unknown-team actuals/actuals.csv:2:9-2:18',
      'unknown-team actuals/actuals.csv:3:9-3:18',
      'unknown-team actuals/actuals.csv:4:9-4:18',
      'unsupported-api-version teams/marketing.yaml:1:13-1:24',
    ]);
  });
});

describe('YAML', () => {
  it('reports an unclosed brace at the brace, not at the line where yaml stops', () => {
    expect(positions(validateFixture('checks/yaml-syntax'))).toEqual(['yaml-syntax kpis.yaml:5:16-5:17']);
  });

  it('reports a duplicate key on the second occurrence, naming the first', () => {
    const diagnostics = validateFixture('checks/duplicate-key');
    expect(positions(diagnostics)).toEqual(['duplicate-key teams/marketing.yaml:10:1-10:5']);
    expect(diagnostics[0]!.message).toContain('Duplicate key "name" (first on line 4)');
  });
});
