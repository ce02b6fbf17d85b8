import { describe, expect, it } from 'vitest';
import type { BreakdownScore, GoalScore, TeamScore } from '../../src/score/score.js';
import { scoreRepository } from '../../src/score/score.js';
import { validateRepository } from '../../src/validate.js';
import type { RepositoryFile } from '../../src/load/load-file.js';
import { standaloneFixtureFiles } from '../helpers/fixtures.js';

/**
 * tests/fixtures/score/regions: a company whose 2026-Q4 revenue and margin
 * goals roll up two levels, scored as of 2026-11. Only the leaf teams
 * report actuals:
 *
 *   company   revenue 800 (emea 500, apac 300), margin 20%
 *     ├─ emea  revenue 500 (north 200, south 300), margin 20%     no actuals of its own
 *     │    ├─ north   revenue 2026-10: 60, 2026-11: 75;  profit 12, 15
 *     │    └─ south   revenue 100, 110;                  profit 18, 22
 *     └─ apac         revenue 90, 100;                   profit 20, 25
 *
 * margin is derived: profit / revenue.
 */
const { model, diagnostics } = validateRepository(standaloneFixtureFiles('score/regions'));
const teams = scoreRepository(model).teams;

const goal = (team: string, id: string): GoalScore => teams.find((t: TeamScore) => t.team === team)!.goals.find((g) => g.id === id)!;
const item = (items: readonly BreakdownScore[], key: string): BreakdownScore => items.find((b) => b.by === 'team' && b.key === key)!;

describe('a roll-up two levels deep', () => {
  it('validates without problems', () => {
    expect(diagnostics).toEqual([]);
  });

  it('adds up the leaf teams through the team between them', () => {
    const revenue = goal('company', 'revenue');
    expect(revenue.trend).toEqual([
      { month: '2026-10', value: 60 + 100 + 90 },
      { month: '2026-11', value: 75 + 110 + 100 },
    ]);
    expect(revenue.actual).toBe(250 + 285);
    expect(revenue.actualFrom).toBe('contributors');
    expect(revenue.attainment).toBeCloseTo(535 / ((800 * 2) / 3), 12);
    expect(goal('emea', 'revenue')).toMatchObject({ actual: 60 + 100 + 75 + 110, actualFrom: 'contributors' });
  });

  it('gives a `by: team` item the team’s rows, or the roll-up of its goals when it has none', () => {
    const revenue = goal('company', 'revenue');
    const emea = item(revenue.breakdown, 'emea');
    expect(emea.actual).toBe(345); // north and south, rolled up through emea's goal
    expect(emea.expected).toBeCloseTo((500 * 2) / 3, 9);
    expect(emea.attainment).toBeCloseTo(345 / ((500 * 2) / 3), 12);
    expect(item(revenue.breakdown, 'apac').actual).toBe(90 + 100);
    const emeaRevenue = goal('emea', 'revenue');
    expect(item(emeaRevenue.breakdown, 'north').actual).toBe(60 + 75);
    expect(item(emeaRevenue.breakdown, 'south').actual).toBe(100 + 110);
  });

  it('recomputes a derived KPI from its rolled-up inputs: a ratio of sums, never a mean of the teams’ ratios', () => {
    const margin = goal('company', 'margin');
    const profit = 12 + 15 + 18 + 22 + 20 + 25; // 112
    expect(margin.actual).toBeCloseTo(profit / 535, 12); // 0.2093
    expect(margin.actual).not.toBeCloseTo((27 / 135 + 40 / 210 + 45 / 190) / 3, 4);
    expect(margin.trend.map((m) => m.value)).toEqual([expect.closeTo((12 + 18 + 20) / 250, 12), expect.closeTo((15 + 22 + 25) / 285, 12)]);
    expect(margin.actualFrom).toBe('contributors');
    expect(margin.attainment).toBeCloseTo(profit / 535 / 0.2, 12);
    expect(goal('emea', 'margin').actual).toBeCloseTo((12 + 15 + 18 + 22) / 345, 12);
    expect(goal('north', 'margin')).toMatchObject({ actual: 27 / 135, actualFrom: 'rows' });
  });
});

describe('roll-ups that run deep or loop', () => {
  /** Teams t0 … tN, each with a Q4 revenue goal aligned to the one before; only the last team reports 7 in October. */
  function chain(length: number, loop = false): RepositoryFile[] {
    const text = (path: string, content: string): RepositoryFile => ({ path, bytes: Buffer.from(content) });
    const files = [text('kpis.yaml', 'apiVersion: goalpost/v1\nkind: KpiCatalog\nkpis:\n  revenue: {name: Revenue, unit: count, direction: increase, aggregate: sum}\n')];
    for (let i = 0; i < length; i++) {
      const parent = i > 0 ? `t${i - 1}` : loop ? `t${length - 1}` : undefined;
      files.push(text(`teams/t${i}.yaml`, `apiVersion: goalpost/v1\nkind: Team\nid: t${i}\nname: Team ${i}\nlead: p${i}\nmembers:\n  p${i}: {name: P${i}}\n`));
      files.push(
        text(
          `goals/t${i}.yaml`,
          `apiVersion: goalpost/v1\nkind: GoalSet\nteam: t${i}\nperiod: 2026-Q4\ngoals:\n  - {id: revenue, title: Revenue, kpi: revenue, target: 10, weight: 100, owner: p${i}${parent ? `, alignsTo: ${parent}/revenue` : ''}}\n`,
        ),
      );
    }
    files.push(text('actuals.csv', `period,team,kpi,value\n2026-10,${loop ? 'nobody' : `t${length - 1}`},revenue,7\n`));
    return files;
  }
  const top = (files: RepositoryFile[]): GoalScore => scoreRepository(validateRepository(files).model).teams.find((t) => t.team === 't0')!.goals[0]!;

  it('reach the team that reports, however many teams lie between', () => {
    expect(top(chain(10))).toMatchObject({ actual: 7, actualFrom: 'contributors' });
  });

  it('are cut, not followed until the stack runs out, when they run hundreds of levels deep', () => {
    expect(top(chain(500)).actual).toBeNull();
  });

  it('end when the alignments loop back', () => {
    expect(top(chain(3, true))).toMatchObject({ actual: null, actualFrom: null });
  });
});
