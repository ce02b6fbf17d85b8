import { describe, expect, it } from 'vitest';
import { positions, validateFixture } from '../helpers/fixtures.js';

describe('alignment', () => {
  it('reports an unknown goal or team in alignsTo, with a did-you-mean', () => {
    const diagnostics = validateFixture('checks/alignment');
    expect(positions(diagnostics)).toEqual([
      'unknown-goal 2026-Q4/marketing.yaml:12:15-12:29',
      'unknown-team 2026-Q4/marketing.yaml:19:15-19:27',
    ]);
    expect(diagnostics[0]!.message).toBe('Team "company" has no goal "revenu" in 2026-Q4. Did you mean "revenue"?');
    expect(diagnostics[1]!.message).toBe('alignsTo names team "compnay", which does not exist. Did you mean "company"?');
  });
});
