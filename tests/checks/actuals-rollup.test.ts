import { describe, expect, it } from 'vitest';
import type { RepositoryFile } from '../../src/load/load-file.js';
import { validateRepository } from '../../src/validate.js';
import { fixtureFiles, positions, validateFixture } from '../helpers/fixtures.js';

/** The fixture with some rows of its actuals file rewritten. */
function withActuals(replacements: Record<string, string>): RepositoryFile[] {
  return fixtureFiles('checks/actuals-rollup').map((file) => {
    if (file.path !== 'actuals/teams.csv') return file;
    let text = Buffer.from(file.bytes).toString('utf8');
    for (const [row, replacement] of Object.entries(replacements)) text = text.replace(row, replacement);
    return { ...file, bytes: Buffer.from(text) };
  });
}

describe('actuals-rollup', () => {
  it("reports a goal's own actuals that disagree with its contributors', once, at its KPI, for the first month", () => {
    const diagnostics = validateFixture('checks/actuals-rollup');
    expect(positions(diagnostics)).toEqual(['actuals-rollup-mismatch 2026-Q4/company.yaml:8:10-8:17']);
    expect(diagnostics[0]!.severity).toBe('warning');
    // October agrees: marketing 1,600,000 + 2,000,000 (by owner) + sales 5,000,000 = 8,600,000.
    // November: marketing 4,000,000 + sales 4,500,000 = 8,500,000 against the company's 9,000,000:
    // 500,000 apart, 500,000 / 9,000,000 = 5.56%. December (9,200,000 against 9,000,000) is not repeated.
    expect(diagnostics[0]!.message).toBe(
      'The actuals of company for revenue in 2026-11 (9,000,000) disagree with those of the goals aligned to company/2026-Q4/revenue ' +
        '(marketing/2026-Q4/q4-revenue, sales/2026-Q4/q4-revenue), which come to 8,500,000: 500,000 apart (5.56%). The goal is scored from its own rows.',
    );
  });

  it('is not checked with rollups: off', () => {
    const files = [...fixtureFiles('checks/actuals-rollup'), { path: 'goalpost.yaml', bytes: Buffer.from('apiVersion: goalpost/v1\nkind: Settings\nrollups: off\n') }];
    expect(validateRepository(files).diagnostics).toEqual([]);
  });

  it('names the next month that disagrees once the first is put right', () => {
    const diagnostics = validateRepository(withActuals({ '2026-11,company,revenue,9000000': '2026-11,company,revenue,8500000' })).diagnostics;
    // December: marketing 4,200,000 + sales 5,000,000 = 9,200,000 against 9,000,000: 200,000 apart, 2.22%.
    expect(positions(diagnostics)).toEqual(['actuals-rollup-mismatch 2026-Q4/company.yaml:8:10-8:17']);
    expect(diagnostics[0]!.message).toContain('in 2026-12 (9,000,000) disagree');
    expect(diagnostics[0]!.message).toContain('which come to 9,200,000: 200,000 apart (2.22%)');
  });

  it('says nothing when the rows agree within the tolerance', () => {
    // 8,508,000 is 0.094% from 8,500,000, within the default tolerance of 0.1%; December's 9,200,000 matches.
    const files = withActuals({ '2026-11,company,revenue,9000000': '2026-11,company,revenue,8508000', '2026-12,company,revenue,9000000': '2026-12,company,revenue,9200000' });
    expect(validateRepository(files).diagnostics).toEqual([]);
  });
});
