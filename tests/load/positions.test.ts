import { describe, expect, it } from 'vitest';
import { positions } from '../helpers/fixtures.js';
import { baseWith } from '../helpers/fixtures.js';
import { validateRepository } from '../../src/validate.js';

const goalSet = [
  'apiVersion: goalpost/v1',
  'kind: GoalSet',
  'team: marketing',
  'period: 2026-Q4',
  'goals:',
  '  - {id: q4-revenue, title: 第四季度销售额达到 1200 万元, kpi: revenu, target: 12000000, weight: 60, owner: li.wei}',
  '  - id: q4-csat',
  '    title: 客户满意度不低于 4.5',
  '    kpi: csat',
  '    target: 4.5',
  '    weight: 40',
  '    owner: wang.fan',
];

function validateGoalSet(text: string | Uint8Array) {
  return validateRepository(baseWith({ '2026-Q4/marketing.yaml': text })).diagnostics;
}

describe('positions', () => {
  // "  - {id: q4-revenue, title: " is 27 characters, the title 18 (CJK characters count one each),
  // ", kpi: " 7: the KPI starts at column 27 + 18 + 7 + 1 = 53.
  const expected = ['unknown-kpi 2026-Q4/marketing.yaml:6:53-6:59', 'unknown-person 2026-Q4/marketing.yaml:12:12-12:20'];

  it('count CJK characters as one column each', () => {
    expect(positions(validateGoalSet(goalSet.join('\n') + '\n'))).toEqual(expected);
  });

  it('are the same with CRLF line endings', () => {
    expect(positions(validateGoalSet(goalSet.join('\r\n') + '\r\n'))).toEqual(expected);
  });

  it('are the same with a byte order mark, which editors do not count', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(goalSet.join('\r\n'))]);
    expect(positions(validateGoalSet(bytes))).toEqual(expected);
  });

  it('point at the key of a missing value', () => {
    const text = goalSet.slice(0, 6).join('\n') + '\n  - id: q4-csat\n    title: 满意度\n    kpi: csat\n    target:\n    weight: 40\n    owner: wang.fang\n';
    const diagnostics = validateGoalSet(text);
    expect(positions(diagnostics.filter((d) => d.code === 'wrong-type'))).toEqual(['wrong-type 2026-Q4/marketing.yaml:10:5-10:11']);
  });
});

describe('CSV positions', () => {
  it('are exact with CRLF, quoted cells and CJK values', () => {
    const csv = 'period,team,kpi,owner,value\r\n"2026-10",marketing,revenue,"张敏, 华东",1600000\r\n2026-10,marketing,revenue,wang.fang,一百万\r\n';
    const diagnostics = validateRepository(baseWith({ 'actuals/actuals.csv': csv })).diagnostics;
    expect(positions(diagnostics)).toEqual([
      // "2026-10",marketing,revenue, is 28 characters: the quoted owner starts at 29 and spans 8 with its quotes
      'unknown-person actuals/actuals.csv:2:29-2:37',
      // 2026-10,marketing,revenue,wang.fang, is 36 characters; 一百万 is 3
      'actuals-value actuals/actuals.csv:3:37-3:40',
    ]);
  });
});
