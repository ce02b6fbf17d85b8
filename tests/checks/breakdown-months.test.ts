import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { positions, validateFixture } from '../helpers/fixtures.js';

const inFile = (diagnostics: readonly Diagnostic[], file: string): Diagnostic[] => diagnostics.filter((d) => d.file === file);

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

describe('quarter and half breakdowns', () => {
  const diagnostics = validateFixture('checks/year-parts');

  it('report quarters outside a half, a half that is the whole period, and keys that are not quarters or halves', () => {
    // The breakdowns that do not combine to their targets are asserted in breakdown-totals.test.ts.
    expect(positions(diagnostics)).toEqual([
      'year-part-outside-period 2026-H2/marketing.yaml:14:17-14:19',
      'year-part-outside-period 2026-H2/marketing.yaml:16:17-16:19',
      'invalid-year-part 2026-H2/marketing.yaml:20:11-20:18',
      'breakdown-mismatch 2026-H2/marketing.yaml:29:9-29:14',
      'invalid-year-part 2026-H2/marketing.yaml:31:17-31:19',
      'breakdown-sum 2026/marketing.yaml:14:9-14:14',
      'month-outside-period 2026/marketing.yaml:20:61-20:68',
      'month-outside-period 2026/marketing.yaml:27:51-27:58',
      'year-part-outside-period 2026/marketing.yaml:36:53-36:55',
    ]);
    const messages = inFile(diagnostics, '2026-H2/marketing.yaml').map((d) => d.message);
    // 2026-H2 runs from July to December; Q1 of 2026 is January to March.
    expect(messages[0]).toBe('Q1 of 2026 (2026-01 to 2026-03) is outside the period 2026-H2 (2026-07 to 2026-12).');
    expect(messages[1]).toBe(
      'H2 of 2026 (2026-07 to 2026-12) covers all of the period 2026-H2 (2026-07 to 2026-12): a half breakdown splits a year into its halves.',
    );
    expect(messages[2]).toBe('"2026-Q4" is not a quarter. Quarter breakdown keys are Q1 to Q4, the quarters of 2026. Did you mean "Q4"?');
    expect(messages[4]).toBe('"H3" is not a half. Half breakdown keys are H1 and H2, the halves of 2026.');
  });

  it('check a breakdown nested in a quarter or half against its months, through items of other dimensions', () => {
    const messages = inFile(diagnostics, '2026/marketing.yaml')
      .filter((d) => !d.code.startsWith('breakdown-'))
      .map((d) => d.message);
    // Q2 is April to June: July belongs to the year but not to the quarter it is planned in.
    expect(messages[0]).toBe('2026-07 is outside Q2 of 2026 (2026-04 to 2026-06), the item this breakdown splits.');
    // 2026-09 is in an owner's month plan inside Q2.
    expect(messages[1]).toBe('2026-09 is outside Q2 of 2026 (2026-04 to 2026-06), the item this breakdown splits.');
    expect(messages[2]).toBe('Q3 of 2026 (2026-07 to 2026-09) is outside H1 of 2026 (2026-01 to 2026-06), the item this breakdown splits.');
  });

  it('name the quarters of a fiscal year from its first month', () => {
    const fiscal = validateFixture('checks/year-parts-fiscal');
    expect(positions(fiscal)).toEqual([
      'month-outside-period FY2027/marketing-h1.yaml:24:61-24:68',
      'year-part-outside-period FY2027/marketing-h1.yaml:25:11-25:13',
      'year-part-outside-period FY2027/marketing-q1.yaml:14:17-14:19',
    ]);
    // With fiscalYearStart 4, FY2027 runs from 2026-04 to 2027-03: its Q1 is April to June 2026, Q2 July to
    // September, Q3 October to December; FY2027-H1 is April to September 2026.
    expect(fiscal.map((d) => d.message)).toEqual([
      '2026-10 is outside Q2 of FY2027 (2026-07 to 2026-09), the item this breakdown splits.',
      'Q3 of FY2027 (2026-10 to 2026-12) is outside the period FY2027-H1 (2026-04 to 2026-09).',
      'Q1 of FY2027 (2026-04 to 2026-06) covers all of the period FY2027-Q1 (2026-04 to 2026-06): a quarter breakdown splits a year or a half into its quarters.',
    ]);
  });
});
