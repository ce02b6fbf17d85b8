import { describe, expect, it } from 'vitest';
import { actualsIndex } from '../../src/model/actuals-index.js';
import { kpiValue, teamRows } from '../../src/score/kpi-value.js';
import { scoreRepository } from '../../src/score/score.js';
import { validateRepository } from '../../src/validate.js';
import { baseWith } from '../helpers/fixtures.js';

const catalog = `apiVersion: goalpost/v1
kind: KpiCatalog
kpis:
  revenue: {name: 销售额, unit: CNY, direction: increase, aggregate: sum}
  customers: {name: 期末客户数, unit: count, direction: increase, aggregate: sum, overTime: last}
  customers_start: {name: 期初客户数, unit: count, direction: increase, aggregate: sum, overTime: first}
  csat: {name: 客户满意度得分, unit: score, direction: increase, aggregate: mean}
  peak: {name: 峰值, unit: count, direction: increase, aggregate: max}
  floor: {name: 谷值, unit: count, direction: increase, aggregate: min}
`;

/** The repository of the base fixture with this catalog and these actuals rows (after the header). */
function load(rows: readonly string[]) {
  const csv = ['period,team,kpi,owner,value', ...rows, ''].join('\n');
  return validateRepository(baseWith({ 'kpis.yaml': catalog, 'actuals/actuals.csv': csv }));
}

/** The value of marketing's KPI over some months, for the team or for one owner. */
function valueOf(rows: readonly string[], kpi: string, months: readonly string[], owner?: string): number | undefined {
  const { model } = load(rows);
  const filter = new Map(owner === undefined ? [] : [['owner', owner] as const]);
  return kpiValue(model, actualsIndex(model), model.kpis.get(kpi)!, { source: teamRows('marketing'), months, filter });
}

describe('day and week rows combine into months', () => {
  it('adding up a summed KPI', () => {
    const rows = ['2026-11-03,marketing,revenue,,100', '2026-11-17,marketing,revenue,,250'];
    expect(valueOf(rows, 'revenue', ['2026-11'])).toBe(350);
  });

  it('taking the latest day of a `last` KPI and the earliest of a `first` one, whatever the order of the rows', () => {
    const rows = ['2026-11-28,marketing,customers,,520', '2026-11-03,marketing,customers,,500', '2026-11-28,marketing,customers_start,,520', '2026-11-03,marketing,customers_start,,500'];
    expect(valueOf(rows, 'customers', ['2026-11'])).toBe(520);
    expect(valueOf(rows, 'customers_start', ['2026-11'])).toBe(500);
  });

  it('taking the mean, the largest and the smallest value', () => {
    const rows = ['2026-11-02,marketing,csat,,4', '2026-11-09,marketing,csat,,5', '2026-11-16,marketing,csat,,4.5'];
    const extremes = ['2026-11-02,marketing,peak,,3', '2026-11-09,marketing,peak,,7', '2026-11-16,marketing,peak,,5'];
    expect(valueOf(rows, 'csat', ['2026-11'])).toBe(4.5);
    expect(valueOf(extremes, 'peak', ['2026-11'])).toBe(7);
    expect(valueOf(extremes.map((row) => row.replace('peak', 'floor')), 'floor', ['2026-11'])).toBe(3);
  });

  it('month by month before the months are combined', () => {
    // October (4 + 5) / 2 = 4.5, November 4.25: the quarter so far (4.5 + 4.25) / 2 = 4.375, not the mean of the days (13.25 / 3).
    const rows = ['2026-10-05,marketing,csat,,4', '2026-10-20,marketing,csat,,5', '2026-11-10,marketing,csat,,4.25'];
    expect(valueOf(rows, 'csat', ['2026-10', '2026-11', '2026-12'])).toBe(4.375);
  });

  it('for each owner before the owners are combined', () => {
    // zhang.min (4 + 5) / 2 = 4.5 and wang.fang 3: the team (4.5 + 3) / 2 = 3.75, not the mean of the days (4).
    const rows = ['2026-11-02,marketing,csat,zhang.min,4', '2026-11-09,marketing,csat,zhang.min,5', '2026-11-02,marketing,csat,wang.fang,3'];
    expect(valueOf(rows, 'csat', ['2026-11'], 'zhang.min')).toBe(4.5);
    expect(valueOf(rows, 'csat', ['2026-11'], 'wang.fang')).toBe(3);
    expect(valueOf(rows, 'csat', ['2026-11'])).toBe(3.75);
  });

  it('each ISO week in the month of its Thursday, and the latest week for a `last` KPI', () => {
    // 2026-W44 (Thursday 29 October) is October's; W45 (5 November) and W46 November's; W53 (31 December) December's.
    const rows = ['2026-W44,marketing,revenue,,80', '2026-W45,marketing,revenue,,70', '2026-W46,marketing,revenue,,30', '2026-W53,marketing,revenue,,5'];
    expect([['2026-10'], ['2026-11'], ['2026-12']].map((months) => valueOf(rows, 'revenue', months))).toEqual([80, 100, 5]);
    const customers = ['2026-W45,marketing,customers,,500', '2026-W47,marketing,customers,,520', '2026-W46,marketing,customers,,510'];
    expect(valueOf(customers, 'customers', ['2026-11'])).toBe(520);
  });

  it('counting a day given twice once, by its first row with a value, as a month given twice', () => {
    const rows = ['2026-11-03,marketing,revenue,,100', '2026-11-03,marketing,revenue,,120', '2026-11-17,marketing,revenue,,250'];
    expect(valueOf(rows, 'revenue', ['2026-11'])).toBe(350);
    const firstWithoutValue = ['2026-11-03,marketing,revenue,,n/a', '2026-11-03,marketing,revenue,,120', '2026-11-17,marketing,revenue,,250'];
    expect(valueOf(firstWithoutValue, 'revenue', ['2026-11'])).toBe(370);
    expect(valueOf(['2026-11,marketing,revenue,,n/a', '2026-11,marketing,revenue,,120'], 'revenue', ['2026-11'])).toBe(120);
  });

  it('never counting a month given in two forms twice: the month row stands over days, weeks over days', () => {
    const mixed = ['2026-11-20,marketing,revenue,zhang.min,50', '2026-11,marketing,revenue,zhang.min,1000', '2026-11-03,marketing,revenue,wang.fang,100', '2026-W45,marketing,revenue,wang.fang,70'];
    expect(valueOf(mixed, 'revenue', ['2026-11'], 'zhang.min')).toBe(1000);
    expect(valueOf(mixed, 'revenue', ['2026-11'], 'wang.fang')).toBe(70);
    expect(load(mixed).diagnostics.map((d) => d.code)).toEqual(['actuals-mixed-granularity', 'actuals-mixed-granularity']);
  });

  it('setting the latest month with actuals: the month of the latest day or week with a value', () => {
    const latest = (rows: readonly string[]) => actualsIndex(load(rows).model).latestMonth;
    expect(latest(['2026-10,marketing,revenue,,1', '2026-11-03,marketing,revenue,,1'])).toBe('2026-11');
    expect(latest(['2026-11,marketing,revenue,,1', '2026-W53,marketing,revenue,,1'])).toBe('2026-12');
    expect(latest(['2026-W44,marketing,revenue,,1'])).toBe('2026-10');
    expect(latest(['2026-10,marketing,revenue,,1', '2026-12-01,marketing,revenue,,n/a'])).toBe('2026-10');
  });
});

describe('a goal scored over day and week rows', () => {
  it('scores as over the same figures given by month', () => {
    const finer = load([
      '2026-10-05,marketing,revenue,zhang.min,600000',
      '2026-10-20,marketing,revenue,zhang.min,1000000',
      // Thursday 8 October, and Thursday 29 October though the week ends on 1 November.
      '2026-W41,marketing,revenue,wang.fang,1500000',
      '2026-W44,marketing,revenue,wang.fang,500000',
      '2026-W45,marketing,revenue,wang.fang,900000',
      '2026-11-03,marketing,revenue,zhang.min,100',
      '2026-11-17,marketing,revenue,zhang.min,250',
      '2026-10-10,marketing,csat,,4',
      '2026-10-25,marketing,csat,,5',
      '2026-11-02,marketing,csat,,4.25',
    ]);
    const monthly = load([
      '2026-10,marketing,revenue,zhang.min,1600000',
      '2026-10,marketing,revenue,wang.fang,2000000',
      '2026-11,marketing,revenue,wang.fang,900000',
      '2026-11,marketing,revenue,zhang.min,350',
      '2026-10,marketing,csat,,4.5',
      '2026-11,marketing,csat,,4.25',
    ]);
    expect(finer.diagnostics).toEqual([]);
    expect(monthly.diagnostics).toEqual([]);
    const report = scoreRepository(finer.model);
    expect(report).toEqual(scoreRepository(monthly.model));
    const [revenue, csat] = report.teams[0]!.goals;
    expect(report.asOf).toBe('2026-11');
    // 1,600,000 + 2,000,000 in October, 900,000 + 350 in November.
    expect(revenue!.actual).toBe(4_500_350);
    expect(revenue!.breakdown.map((item) => [item.key, item.actual])).toEqual([
      ['zhang.min', 1_600_350],
      ['wang.fang', 2_900_000],
    ]);
    expect(csat!.actual).toBe(4.375);
  });
});
