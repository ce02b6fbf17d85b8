import { describe, expect, it } from 'vitest';
import { compareRows, pulledFileText, readPulledFile, type PulledRow } from '../../src/pull/pulled-file.js';

const row = (team: string, kpi: string, value: string, dimensions: Record<string, string> = {}): PulledRow => ({
  period: '2026-11',
  team,
  kpi,
  value,
  dimensions: new Map(Object.entries(dimensions)),
  origin: undefined,
});

describe('a pulled actuals file', () => {
  const rows = [
    row('sales', 'revenue', '5650000'),
    row('marketing', 'revenue', '2300000', { owner: 'wang.fang' }),
    row('marketing', 'revenue', '900', { region: 'east', owner: 'zhang.min' }),
    row('marketing', 'csat', '4.5'),
    row('marketing', 'revenue', '4050000'),
    row('marketing', 'revenue', '10', { owner: 'li, "the lead"\nwei' }),
  ];

  it('has the dimension columns its rows use, by name, and its rows in one order whatever order they came in', () => {
    const expected = [
      'period,team,kpi,value,owner,region',
      '2026-11,marketing,csat,4.5,,',
      '2026-11,marketing,revenue,4050000,,',
      '2026-11,marketing,revenue,10,"li, ""the lead""\nwei",',
      '2026-11,marketing,revenue,2300000,wang.fang,',
      '2026-11,marketing,revenue,900,zhang.min,east',
      '2026-11,sales,revenue,5650000,,',
      '',
    ].join('\n');
    expect(pulledFileText(rows).text).toBe(expected);
    expect(pulledFileText([...rows].reverse()).text).toBe(expected);
  });

  it('knows which row is on each line, a quoted line break included', () => {
    const { rowOnLine } = pulledFileText(rows);
    expect([1, 2, 4, 5, 6, 8, 9].map((line) => rowOnLine(line)?.value)).toEqual([undefined, '4.5', '10', '10', '2300000', '5650000', undefined]);
  });

  it('reads back what it writes, and tells rows added, changed and removed apart by team, KPI and dimensions', () => {
    const again = readPulledFile(pulledFileText(rows).text);
    expect(compareRows(rows, again)).toEqual({ added: [], changed: [], removed: [] });
    const after = [...again.filter((r) => r.team !== 'sales'), row('company', 'revenue', '9700000')].map((r) => (r.kpi === 'csat' ? { ...r, value: '4.6' } : r));
    const changes = compareRows(again, after);
    expect(changes.added.map((r) => `${r.team} ${r.value}`)).toEqual(['company 9700000']);
    expect(changes.changed.map(({ row: r, before }) => `${r.kpi} ${before} → ${r.value}`)).toEqual(['csat 4.5 → 4.6']);
    expect(changes.removed.map((r) => `${r.team} ${r.value}`)).toEqual(['sales 5650000']);
  });
});
