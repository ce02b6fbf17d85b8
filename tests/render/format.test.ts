import { describe, expect, it } from 'vitest';
import { createFormatter } from '../../src/render/format.js';
import { progressBar, sparkText, sparkline } from '../../src/render/svg.js';

describe('number formats', () => {
  const zh = createFormatter('zh-CN', 'CNY', '无数据');
  const en = createFormatter('en', 'USD', 'no data');

  it('write large CNY amounts in 万 and 亿 in Chinese, in full in English', () => {
    expect(zh.value(12_000_000, 'CNY')).toBe('¥1200万');
    expect(zh.value(11_475_000, 'CNY')).toBe('¥1147.5万');
    expect(zh.value(250_000_000, 'CNY')).toBe('¥2.5亿');
    expect(zh.value(95_000, 'CNY')).toBe('¥95,000');
    expect(en.value(12_000_000, 'CNY')).toBe('CN¥12,000,000');
    expect(en.value(12.5, 'currency')).toBe('$12.50');
  });

  it('write percent units, ratios, counts and hours', () => {
    expect(zh.value(0.8533, 'percent')).toBe('85.3%');
    expect(en.value(3.04567, 'ratio')).toBe('3.05');
    expect(en.value(1234, 'count')).toBe('1,234');
    expect(en.value(533.333, 'count')).toBe('533.3');
    expect(zh.value(120, 'hours')).toBe('120 小时');
    expect(en.value(7, 'km')).toBe('7 km');
    expect(en.value(null, 'CNY')).toBe('no data');
  });

  it('write months and score points', () => {
    expect(zh.month('2026-11')).toBe('2026年11月');
    expect(en.month('2026-11')).toBe('Nov 2026');
    expect(en.points(0.255)).toBe('25.5');
    expect(en.percent(0.81366)).toBe('81.4%');
  });
});

describe('charts', () => {
  it('draw a bar clamped to its width, and a sparkline through the months with data', () => {
    expect(progressBar(1.5, 0.5, 'on-track')).toContain('<rect class="fill" width="120"');
    expect(progressBar(null, null, 'no-data')).toContain('<rect class="fill" width="0"');
    expect(sparkline([1, null, 3])).toContain('points="3,21 77,3"');
    expect(sparkline([null])).toBe('');
    expect(sparkText([3_600_000, 4_050_000])).toBe('▁█');
    expect(sparkText([5, 5, null])).toBe('▄▄ ');
  });
});
