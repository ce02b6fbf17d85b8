import { describe, expect, it } from 'vitest';
import { goalChart, type ChartInput } from '../../src/render/chart.js';
import { labelsByLocale } from '../../src/render/labels.js';
import { createFormatter } from '../../src/text/format.js';
import { exampleFiles, renderFiles } from './render-helpers.js';

const en = createFormatter('en', 'CNY');
const zh = createFormatter('zh-CN', 'CNY');
const quarter = ['2026-10', '2026-11', '2026-12'];

/** The example's q4-revenue of marketing as of 2026-11: its month plan, two months of actuals, the forecast from December's plan. */
const revenue: ChartInput = {
  months: quarter,
  values: [3_600_000, 4_050_000],
  sumsOverTime: true,
  target: 12_000_000,
  plan: [3_500_000, 4_000_000, 4_500_000],
  forecast: 12_240_000,
  baseline: null,
  unit: 'CNY',
  kpi: 'revenue',
};

const retention: ChartInput = { ...revenue, values: [0.87, 0.88], sumsOverTime: false, target: 0.85, plan: null, forecast: null, unit: 'percent', kpi: 'retention' };

/** The y of each number in an SVG's points and coordinates, as written. */
const numbersOf = (svg: string): string[] => [...svg.matchAll(/-?[\d.]+(e[+-]?\d+)?|NaN|Infinity/g)].map((m) => m[0]);

describe('goalChart', () => {
  it('draws a summed KPI cumulatively against its month plan, the target and the forecast, on 0..13M', () => {
    // The plot is x 40..232 (64 px a month) and y 74..6 (68 px); the largest value, the 12.24M forecast, rounds up to 13M,
    // so y = 74 − v × 68 / 13M: 3.5M → 55.7, 7.5M → 34.8, 12M → 11.2; 3.6M → 55.2, 7.65M → 34, 12.24M → 10.
    // Ticks every 5M (the smallest round step of which fewer than four fit in 13M), their text 3 px below the line.
    const chart = goalChart(revenue, en, labelsByLocale.en);
    expect(chart.svg).toBe(
      '<svg class="chart trend cumulative" width="240" height="90" viewBox="0 0 240 90" aria-hidden="true">' +
        '<line class="axis" x1="40" x2="232" y1="74" y2="74"/>' +
        '<g class="ticks"><text x="37" y="77">0</text><text x="37" y="50.8">5M</text><text x="37" y="24.7">10M</text></g>' +
        '<g class="months"><text x="72" y="86">Oct</text><text x="136" y="86">Nov</text><text x="200" y="86">Dec</text></g>' +
        '<line class="target" x1="40" x2="232" y1="11.2" y2="11.2"/>' +
        '<path class="plan" d="M40,74L104,55.7L168,34.8L232,11.2"/>' +
        '<polyline class="actual" points="40,74 104,55.2 168,34"/>' +
        '<line class="forecast" x1="168" y1="34" x2="232" y2="10" stroke-dasharray="3 2"/>' +
        '<circle cx="168" cy="34" r="2"/>' +
        '</svg>',
    );
    expect(chart.text).toBe(
      'Cumulative revenue CN¥7,650,000 against a plan of CN¥7,500,000 after 2 of 3 months; forecast CN¥12,240,000, target CN¥12,000,000',
    );
  });

  it('says the same in Chinese, with 万 ticks and month names', () => {
    const chart = goalChart({ ...revenue, kpi: '销售额' }, zh, labelsByLocale['zh-CN']);
    expect(chart.text).toBe('前 2 个月（共 3 个月）累计销售额 ¥765万，计划 ¥750万；预测 ¥1224万，目标 ¥1200万');
    expect(chart.svg).toContain('<g class="ticks"><text x="37" y="77">0</text><text x="37" y="50.8">500万</text><text x="37" y="24.7">1000万</text></g>');
    expect(chart.svg).toContain('<g class="months"><text x="72" y="86">10月</text><text x="136" y="86">11月</text><text x="200" y="86">12月</text></g>');
  });

  it('plans a straight line to the target without a plan, and draws no forecast once the period is over', () => {
    const chart = goalChart({ ...revenue, values: [3_600_000, 4_050_000, 4_600_000], plan: null }, en, labelsByLocale.en);
    // 4M a month: 4M → 53.1, 8M → 32.2 (the scale is 0..13M again, from the 12.25M actual).
    expect(chart.svg).toContain('<path class="plan" d="M40,74L104,53.1L168,32.2L232,11.2"/>');
    expect(chart.svg).not.toContain('forecast');
    expect(chart.text).toBe('Cumulative revenue CN¥12,250,000 against a plan of CN¥12,000,000 after 3 of 3 months; target CN¥12,000,000');
  });

  it('draws a level KPI month by month at least 40% of the target tall, so one point more is a small step', () => {
    // Data and target 0.85..0.88; the range is 0.4 × 0.85 = 0.34, three quarters of the room below: 0.6175..0.9575,
    // 200 px per 1.0: 0.87 → 23.5, 0.88 → 21.5, the target 0.85 → 27.5. Ticks every 15 points: 75% → 47.5, 90% → 17.5.
    const chart = goalChart(retention, en, labelsByLocale.en);
    expect(chart.svg).toBe(
      '<svg class="chart trend level" width="240" height="90" viewBox="0 0 240 90" aria-hidden="true">' +
        '<line class="axis" x1="40" x2="232" y1="74" y2="74"/>' +
        '<g class="ticks"><text x="37" y="50.5">75%</text><text x="37" y="20.5">90%</text></g>' +
        '<g class="months"><text x="72" y="86">Oct</text><text x="136" y="86">Nov</text><text x="200" y="86">Dec</text></g>' +
        '<line class="target" x1="40" x2="232" y1="27.5" y2="27.5"/>' +
        '<polyline class="actual" points="72,23.5 136,21.5"/>' +
        '<circle cx="136" cy="21.5" r="2"/>' +
        '</svg>',
    );
    expect(chart.text).toBe('retention by month: Oct 87%, Nov 88%; target 85%');
    expect(goalChart({ ...retention, kpi: '客户留存率' }, zh, labelsByLocale['zh-CN']).text).toBe('客户留存率逐月：10月 87%、11月 88%；目标 85%');
  });

  it('keeps 31% → 33% against a target of 35% a gentle slope, and shows the baseline', () => {
    const chart = goalChart({ ...retention, values: [0.31, 0.33], target: 0.35, baseline: 0.3 }, en, labelsByLocale.en);
    const [, first, second] = /points="72,([\d.]+) 136,([\d.]+)"/.exec(chart.svg)!;
    // Two points of 0.14 (40% of the target) are under a fifth of the 68 px plot.
    expect(Number(first) - Number(second)).toBeLessThan(68 / 5);
    expect(chart.svg).toMatch(/<line class="baseline" x1="40" x2="232" y1="[\d.]+" y2="[\d.]+"\/>/);
    expect(chart.text).toBe('retention by month: Oct 31%, Nov 33%; target 35%; baseline 30%');
  });

  it('draws nothing before any month has a value, and says so', () => {
    expect(goalChart({ ...revenue, values: [] }, en, labelsByLocale.en)).toEqual({ svg: '', text: 'No monthly values yet' });
    expect(goalChart({ ...retention, values: [null, null, null] }, zh, labelsByLocale['zh-CN'])).toEqual({ svg: '', text: '暂无月度数据' });
    expect(goalChart({ ...revenue, months: [] }, en, labelsByLocale.en).svg).toBe('');
  });

  const edgeCases: [string, ChartInput][] = [
    ['a summed KPI with target 0 and all zero', { ...revenue, target: 0, values: [0, 0], plan: null, forecast: 0 }],
    ['a level KPI with target 0 and all zero', { ...retention, target: 0, values: [0, 0] }],
    ['a level KPI with target 0', { ...retention, target: 0, values: [0.1, 0.2] }],
    ['one month', { ...revenue, months: ['2026-10'], values: [100], plan: [50], forecast: 100 }],
    ['one month of a level KPI', { ...retention, months: ['2026-10'], values: [0.9] }],
    ['a null between values', { ...revenue, values: [null, 4_000_000] }],
    ['not finite values', { ...revenue, values: [Number.NaN, Number.POSITIVE_INFINITY, 5], forecast: Number.NaN, plan: [Number.NaN, 1, 2] }],
    ['negative values', { ...retention, values: [-5, -3], target: -4, baseline: -6 }],
    ['a decrease below zero', { ...revenue, values: [-100, 50], target: 10, forecast: -20, plan: [5, 5, 0] }],
    ['twelve months', { ...revenue, months: Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`), values: [1, 2, 3] }],
    ['tiny values', { ...retention, values: [1e-9, 2e-9], target: 1e-9 }],
  ];
  it.each(edgeCases)('writes no NaN or Infinity for %s', (_, input) => {
    for (const [format, words] of [[en, labelsByLocale.en], [zh, labelsByLocale['zh-CN']]] as const) {
      const chart = goalChart(input, format, words);
      expect(chart.svg + chart.text).not.toMatch(/NaN|Infinity|∞|undefined/);
      for (const number of numbersOf(chart.svg)) expect(Number.isFinite(Number(number)), number).toBe(true);
      // Coordinates have at most one decimal.
      for (const [, coordinate] of chart.svg.matchAll(/ (?:x|y|x1|x2|y1|y2|cx|cy)="([^"]+)"/g)) expect(coordinate).toMatch(/^-?\d+(\.\d)?$/);
      expect(chart.text.length).toBeGreaterThan(0);
    }
  });

  it('labels at most six months under the plot', () => {
    const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
    const chart = goalChart({ ...revenue, months, values: [1, 2], plan: null }, en, labelsByLocale.en);
    expect([...chart.svg.matchAll(/<text x="[\d.]+" y="86">(\w+)<\/text>/g)].map((m) => m[1])).toEqual(['Jan', 'Mar', 'May', 'Jul', 'Sep', 'Nov']);
  });
});

describe('the chart on a scorecard', () => {
  it('stands in the trend cell, with its words beside it for screen readers', async () => {
    const files = await renderFiles(await exampleFiles(), { formats: ['html'], locale: 'en', asOf: '2026-11' });
    const page = files.get('teams/marketing-2026-Q4.html')!;
    expect(page).toContain(
      '<p class="chart-text">Cumulative 销售额 CN¥7,650,000 against a plan of CN¥7,500,000 after 2 of 3 months; forecast CN¥12,240,000, target CN¥12,000,000</p>',
    );
    expect(page).toContain('<polyline class="actual" points="40,74 104,55.2 168,34"/>');
    // The company's year is planned by quarter: Q1–Q3 in full (23M + 25M + 27M) and two of Q4's three months (30M × 2/3),
    // the same plan to date that scoring expects.
    expect(files.get('teams/company-FY2026.html')).toContain(
      '<p class="chart-text">Cumulative 销售额 CN¥93,900,000 against a plan of CN¥95,000,000 after 11 of 12 months; forecast CN¥103,784,211, target CN¥105,000,000</p>',
    );
  });
});
