import { describe, expect, it } from 'vitest';
import type { RepositoryFile } from '../../src/load/load-file.js';
import { validateRepository } from '../../src/validate.js';
import { baseWith, fixtureFiles, positions } from '../helpers/fixtures.js';

function validateActuals(rows: readonly string[]) {
  return validateRepository(baseWith({ 'actuals/actuals.csv': ['period,team,kpi,owner,value', ...rows, ''].join('\n') })).diagnostics;
}

describe('actuals-totals over day and week rows', () => {
  it('compares the month a total by day adds up to with the months of the owners', () => {
    const rows = ['2026-11-03,marketing,revenue,,100', '2026-11-17,marketing,revenue,,250', '2026-11,marketing,revenue,zhang.min,200', '2026-11,marketing,revenue,wang.fang,150'];
    expect(validateActuals(rows)).toEqual([]);
    const diagnostics = validateActuals(rows.with(3, '2026-11,marketing,revenue,wang.fang,200'));
    // The total's first day row, at its value.
    expect(positions(diagnostics)).toEqual(['actuals-total-mismatch actuals/actuals.csv:2:31-2:34']);
    expect(diagnostics[0]!.message).toBe(
      'The 2026-11 total of revenue for team "marketing" is 350 (combined from 2 rows by day), but its rows by owner add up to 400. Scorecards use the total for the team and the rows for breakdown items.',
    );
  });

  it('compares a monthly total with owners given by day and by week', () => {
    // zhang.min 200 + 100 by day, wang.fang 150 by week (2026-W46, Thursday 12 November): 450 against 350.
    const rows = ['2026-11,marketing,revenue,,350', '2026-11-03,marketing,revenue,zhang.min,200', '2026-11-17,marketing,revenue,zhang.min,100', '2026-W46,marketing,revenue,wang.fang,150'];
    const diagnostics = validateActuals(rows);
    expect(positions(diagnostics)).toEqual(['actuals-total-mismatch actuals/actuals.csv:2:28-2:31']);
    expect(diagnostics[0]!.message).toContain('is 350, but its rows by owner add up to 450.');
  });
});

describe('actuals-sums over day rows', () => {
  it('reports the day row that takes the sum past the limit, at its value', () => {
    const diagnostics = validateActuals(['2026-11-03,marketing,revenue,,600000000000000', '2026-11-17,marketing,revenue,,600000000000000']);
    expect(positions(diagnostics)).toEqual(['actuals-value actuals/actuals.csv:3:31-3:46']);
  });
});

/** The actuals-rollup fixture with some rows of its actuals file rewritten. */
function rollupWith(replacements: Record<string, string>): RepositoryFile[] {
  return fixtureFiles('checks/actuals-rollup').map((file) => {
    if (file.path !== 'actuals/teams.csv') return file;
    let text = Buffer.from(file.bytes).toString('utf8');
    for (const [row, replacement] of Object.entries(replacements)) text = text.replace(row, replacement);
    return { ...file, bytes: Buffer.from(text) };
  });
}

describe('actuals-rollup over day and week rows', () => {
  it('compares the months the rows combine into, each week in the month of its Thursday', () => {
    const diagnostics = validateRepository(
      rollupWith({
        // October: sales 4,000,000 + 1,000,000 by week; 2026-W44 (26 October to 1 November) counts in October.
        '2026-10,sales,revenue,5000000': '2026-W41,sales,revenue,4000000\n2026-W44,sales,revenue,1000000',
        // November: the company 8,000,000 + 500,000 by day; sales 4,000,000 + 500,000 by week; with marketing's 4,000,000, they agree.
        '2026-11,company,revenue,9000000': '2026-11-02,company,revenue,8000000\n2026-11-30,company,revenue,500000',
        '2026-11,sales,revenue,4500000': '2026-W45,sales,revenue,4000000\n2026-W47,sales,revenue,500000',
      }),
    ).diagnostics;
    // December is the first month apart: marketing 4,200,000 + sales 5,000,000 = 9,200,000 against 9,000,000.
    expect(positions(diagnostics)).toEqual(['actuals-rollup-mismatch 2026-Q4/company.yaml:8:10-8:17']);
    expect(diagnostics[0]!.message).toContain('in 2026-12 (9,000,000) disagree');
  });
});
