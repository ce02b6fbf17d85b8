import { describe, expect, it } from 'vitest';
import { createFormatter } from '../../src/text/format.js';
import { progressBar, sparkText } from '../../src/render/svg.js';

describe('number formats', () => {
  const zh = createFormatter('zh-CN', 'CNY', '无数据');
  const en = createFormatter('en', 'USD', 'no data');

  it('write large CNY amounts in 万 and 亿 in Chinese, in full in English, and `currency` in the settings’ currency', () => {
    expect(zh.value(12_000_000, 'CNY')).toBe('¥1200万');
    expect(zh.value(11_475_000, 'CNY')).toBe('¥1147.5万');
    expect(zh.value(250_000_000, 'CNY')).toBe('¥2.5亿');
    expect(zh.value(95_000, 'CNY')).toBe('¥95,000');
    expect(en.value(12_000_000, 'CNY')).toBe('CN¥12,000,000');
    expect(en.value(12.5, 'currency')).toBe('$12.50');
    expect(en.value(0, 'currency')).toBe('$0');
    expect(en.value(307_500, 'currency')).toBe('$307,500');
    expect(en.value(3_333_333.333, 'currency')).toBe('$3,333,333');
  });

  it('write axis figures short, in the words of the locale', () => {
    expect([en.compact(0), en.compact(6_000_000), en.compact(12_500_000), en.compact(150)]).toEqual(['0', '6M', '12.5M', '150']);
    expect([zh.compact(6_000_000), zh.compact(120_000_000)]).toEqual(['600万', '1.2亿']);
    expect(en.compact(Number.NaN)).toBe('no data');
  });

  it('round percentages to one decimal, half away from zero, the same for every figure', () => {
    expect(en.percent(0.6375)).toBe('63.8%');
    expect(en.percent(7_650_000 / 12_000_000)).toBe('63.8%');
    expect(en.percent(-0.6375)).toBe('-63.8%');
    expect(en.percent(-0.00001)).toBe('0%');
    expect(en.value(-0.001, 'CNY')).toBe('CN¥0.00');
    expect(en.value(0.6375, 'percent')).toBe('63.8%');
    expect(en.points(0.6375)).toBe('63.8'); // 0.6375 × 100 is 63.74999999999999 in floating point
    expect(en.points(0.255)).toBe('25.5');
    expect(en.percent(0.81366)).toBe('81.4%');
    expect(en.signedPercent(0.1)).toBe('+10%');
    expect(en.signedPercent(-1 / 3)).toBe('-33.3%');
  });

  it('write an attainment that no ratio can measure as at least the cap', () => {
    expect(en.attainment(1.2, true)).toBe('≥ 120%');
    expect(en.attainment(1.2, false)).toBe('120%');
    expect(zh.attainment(null, false)).toBe('无数据');
  });

  it('write percent units, ratios, counts, scores and hours with the digits that mean something', () => {
    expect(zh.value(0.8533, 'percent')).toBe('85.3%');
    expect(en.value(3.04567, 'ratio')).toBe('3.05×');
    expect(zh.value(3, 'ratio')).toBe('3倍');
    expect(en.value(1234, 'count')).toBe('1,234');
    expect(en.value(533.3333, 'count')).toBe('533.3');
    expect(en.value(4.456, 'score')).toBe('4.46');
    expect(zh.value(120, 'hours')).toBe('120 小时');
    expect(en.value(7, 'km')).toBe('7 km');
    expect(en.value(933.3333, null)).toBe('933.3');
    expect(en.value(0.04082, null)).toBe('0.0408');
    expect(en.value(null, 'CNY')).toBe('no data');
    expect(en.amount(-7_500, 'currency')).toBe('$7,500');
    expect(en.signed(30, 'count')).toBe('+30');
    expect(en.signed(-100_000, 'CNY')).toBe('-CN¥100,000');
  });

  it('never show Infinity or NaN', () => {
    for (const value of [Infinity, -Infinity, NaN]) {
      expect(en.value(value, 'CNY')).toBe('no data');
      expect(en.percent(value)).toBe('no data');
      expect(en.points(value)).toBe('no data');
      expect(en.plain(value)).toBe('no data');
    }
  });

  it('name units as words of the locale, never as the schema’s codes', () => {
    expect([en.unit('percent'), en.unit('ratio'), en.unit('count'), en.unit('score'), en.unit('hours'), en.unit('CNY'), en.unit('currency'), en.unit('customers')]).toEqual([
      '%',
      '×',
      null,
      'points',
      'hours',
      'CN¥',
      '$',
      'customers',
    ]);
    expect([zh.unit('ratio'), zh.unit('score'), zh.unit('hours'), zh.unit('CNY'), zh.unit('currency'), zh.unit('USD')]).toEqual(['倍', '分', '小时', '¥', '¥', 'US$']);
  });

  it('write months and periods for people', () => {
    expect(zh.month('2026-11')).toBe('2026年11月');
    expect(en.month('2026-11')).toBe('Nov 2026');
    expect(['2027', '2026-H2', '2027-Q1', '2026-11'].map((p) => zh.period(p))).toEqual(['2027年', '2026年下半年', '2027年第一季度', '2026年11月']);
    expect(['2027', '2026-H1', '2026-Q4', '2026-11'].map((p) => en.period(p))).toEqual(['2027', 'H1 2026', 'Q4 2026', 'Nov 2026']);
    expect(en.period('2026-Q5')).toBe('2026-Q5');
  });

  it('write fiscal periods with the months they cover', () => {
    const fiscalEn = createFormatter('en', 'USD', 'no data', 4);
    const fiscalZh = createFormatter('zh-CN', 'CNY', '无数据', 4);
    expect(fiscalEn.period('FY2027-Q1')).toBe('FY2027 Q1 (Apr–Jun 2026)');
    expect(fiscalZh.period('FY2027-Q1')).toBe('2027 财年第一季度（2026年4月–6月）');
    expect(fiscalEn.period('FY2027')).toBe('FY2027 (Apr 2026–Mar 2027)');
    expect(fiscalZh.period('FY2027-H2')).toBe('2027 财年下半年（2026年10月–2027年3月）');
    expect(fiscalEn.period('2027-Q1')).toBe('Q1 2027');
    expect(en.period('FY2027-Q4')).toBe('FY2027 Q4 (Oct–Dec 2027)');
  });
});

describe('charts', () => {
  it('draw a bar clamped to its width, and a text sparkline through the months with data', () => {
    expect(progressBar(1.5, 0.5, 'on-track')).toContain('<rect class="fill" width="120"');
    expect(progressBar(null, null, 'no-data')).toContain('<rect class="fill" width="0"');
    expect(sparkText([3_600_000, 4_050_000])).toBe('▁█');
    expect(sparkText([5, 5, null])).toBe('▄▄ ');
  });
});
