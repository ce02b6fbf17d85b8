// A goals folder with one goal broken down into many regions, and one actuals row per region:
// the shape that made scoring quadratic (every item filtered every row), for benchmarks and tests.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface GeneratedRegions {
  dir: string;
  regions: number;
  /** The goal's target and its actual in October, the only month with actuals. */
  target: number;
  actual: number;
}

export const regionKey = (index: number): string => `r${String(index + 1).padStart(5, '0')}`;
/** Region i plans 1,000 + (i mod 7) × 100 and sells 900 + (i mod 11) × 50 in October. */
export const regionTarget = (index: number): number => 1000 + (index % 7) * 100;
export const regionActual = (index: number): number => 900 + (index % 11) * 50;

/**
 * Writes the folder into `dir` (which should be empty). The KPI adds up the
 * regions (`sum`), or takes the largest (`max`): then the goal's target is
 * the largest region's.
 */
export function generateRegions(dir: string, regions: number, aggregate: 'sum' | 'max' = 'sum'): GeneratedRegions {
  const combine = (a: number, b: number): number => (aggregate === 'sum' ? a + b : Math.max(a, b));
  const write = (file: string, text: string): void => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  };
  write('kpis.yaml', `apiVersion: goalpost/v1\nkind: KpiCatalog\nkpis:\n  revenue: {name: 销售额, unit: CNY, direction: increase, aggregate: ${aggregate}}\n`);
  write('teams/sales.yaml', 'apiVersion: goalpost/v1\nkind: Team\nid: sales\nname: 销售部\nlead: li.wei\nmembers:\n  li.wei: {name: 李伟}\n');
  const items: string[] = [];
  const rows = ['period,team,kpi,region,value'];
  let target = 0;
  let actual = 0;
  for (let i = 0; i < regions; i++) {
    items.push(`          ${regionKey(i)}: ${regionTarget(i)}`);
    rows.push(`2026-10,sales,revenue,${regionKey(i)},${regionActual(i)}`);
    target = combine(target, regionTarget(i));
    actual = combine(actual, regionActual(i));
  }
  write(
    '2026-Q4/sales.yaml',
    [
      'apiVersion: goalpost/v1',
      'kind: GoalSet',
      'team: sales',
      'period: 2026-Q4',
      'goals:',
      '  - id: q4-revenue',
      '    title: 第四季度销售额',
      '    kpi: revenue',
      `    target: ${target}`,
      '    weight: 100',
      '    owner: li.wei',
      '    breakdown:',
      '      - by: region',
      '        items:',
      ...items,
      '',
    ].join('\n'),
  );
  write('actuals/2026-q4.csv', `${rows.join('\n')}\n`);
  return { dir, regions, target, actual };
}
