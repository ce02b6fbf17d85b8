import { describe, expect, it } from 'vitest';
import { positions, validateFixture } from '../helpers/fixtures.js';

describe('kpi-definitions', () => {
  it('reports a KPI with neither aggregate nor formula on its id, and one with both on "aggregate"', () => {
    const diagnostics = validateFixture('checks/kpi-definition');
    expect(positions(diagnostics)).toEqual(['kpi-definition kpis.yaml:5:3-5:14', 'kpi-definition kpis.yaml:6:98-6:107']);
    expect(diagnostics[1]!.message).toContain('remove "aggregate"');
  });
});
