import { describe, expect, it } from 'vitest';
import { positions, validateFixture } from '../helpers/fixtures.js';

describe('formula-references', () => {
  it('points inside the formula at the unknown KPI, the unknown function and the unclosed parenthesis', () => {
    const diagnostics = validateFixture('checks/formulas');
    expect(positions(diagnostics)).toEqual([
      // column 85 on a line with four CJK characters before it: columns count characters
      'unknown-kpi kpis.yaml:6:85-6:96',
      // inside a double-quoted string: one column after the quote
      'unknown-function kpis.yaml:10:15-10:21',
      'formula-syntax kpis.yaml:13:14-13:15',
    ]);
    expect(diagnostics[0]!.message).toContain('Did you mean "market_size"?');
    expect(diagnostics[1]!.message).toContain('Unknown function "median". Formulas can call min, max, abs.');
  });
});

describe('formula-cycles', () => {
  it('shows each cycle once, as a path, at the first KPI of the catalog in it', () => {
    const diagnostics = validateFixture('checks/formula-cycle');
    expect(positions(diagnostics)).toEqual(['formula-cycle kpis.yaml:8:25-8:26', 'formula-cycle kpis.yaml:11:29-11:33']);
    expect(diagnostics[0]!.message).toContain('a → b → c → a');
    expect(diagnostics[1]!.message).toContain('self → self');
  });
});
