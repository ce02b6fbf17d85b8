import { describe, expect, it } from 'vitest';
import { checkInChanges, formatCheckInChanges } from '../../src/diff/check-ins.js';
import type { GoalsModel } from '../../src/model/model.js';
import { validateRepository } from '../../src/validate.js';
import { baseWith } from '../helpers/fixtures.js';

const goalSet = `apiVersion: goalpost/v1
kind: GoalSet
team: marketing
period: 2026-Q4
goals:
  - {id: q4-revenue, title: 第四季度销售额达到 1200 万元, kpi: revenue, target: 12000000, weight: 60, owner: li.wei}
  - {id: q4-csat, title: 客户满意度不低于 4.5, kpi: csat, target: 4.5, weight: 20, owner: wang.fang}
  - {id: q4-share, title: "市场份额 *10%* @li.wei", kpi: market_share, target: 0.1, weight: 20, owner: zhang.min}
`;

const checkIn = (date: string, goals: string): string => `apiVersion: goalpost/v1\nkind: CheckIn\nteam: marketing\ndate: ${date}\nauthor: li.wei\ngoals:\n${goals}`;

/** A version of the goals with the given check-ins; it must be valid, as a pull request that is commented on is. */
function version(checkIns: Record<string, string>): GoalsModel {
  const result = validateRepository(baseWith({ '2026-Q4/marketing.yaml': goalSet, ...checkIns }));
  expect(result.diagnostics).toEqual([]);
  return result.model;
}

const october5 = checkIn('2026-10-05', '  q4-revenue: {confidence: 3}\n  q4-csat: {confidence: 8}\n');
const october20 = checkIn('2026-10-20', '  q4-revenue: {confidence: 5}\n  q4-csat: {confidence: 5}\n');
const november2 = checkIn('2026-11-02', '  q4-revenue: {confidence: 6}\n  q4-csat: {confidence: 4}\n');
const november2Edited = checkIn('2026-11-02', '  q4-revenue: {confidence: 6}\n  q4-csat: {confidence: 5, note: 回访完成一半}\n');
const november15 = checkIn(
  '2026-11-15',
  '  q4-revenue:\n    confidence: 7\n    note: 双十一活动完成本月计划的 40%\n  q4-csat: {confidence: 5}\n  q4-share: {confidence: 4}\n',
);

const base = version({ 'checkins/2026-10-05.yaml': october5, 'checkins/2026-10-20.yaml': october20, 'checkins/2026-11-02.yaml': november2 });
const head = version({ 'checkins/2026-10-20.yaml': october20, 'checkins/2026-11-02.yaml': november2Edited, 'checkins/2026-11-15.yaml': november15 });

describe('checkInChanges', () => {
  it('gives an added check-in with its net confidence and the confidences that moved since the latest earlier one, an edited one and a removed one', () => {
    expect(checkInChanges(base, head)).toEqual([
      // 3 and 8: one goal at 3 or less, one at 7 or more, (1 − 1) / 2 = 0.
      { team: 'marketing', date: '2026-10-05', change: 'removed', goals: 2, netConfidence: 0, confidence: [] },
      // 6 and 5: neither, 0.
      {
        team: 'marketing',
        date: '2026-11-02',
        change: 'changed',
        goals: 2,
        netConfidence: 0,
        confidence: [{ goal: 'q4-csat', title: '客户满意度不低于 4.5', before: 4, after: 5 }],
      },
      // 7, 5 and 4: one of three at 7 or more, +33. Compared with 2 November as edited (6, 5), not with 20 October (5, 5);
      // q4-csat stayed at 5, and 2 November did not speak of q4-share.
      {
        team: 'marketing',
        date: '2026-11-15',
        change: 'added',
        goals: 3,
        netConfidence: 33,
        confidence: [
          { goal: 'q4-revenue', title: '第四季度销售额达到 1200 万元', before: 6, after: 7 },
          { goal: 'q4-share', title: '市场份额 *10%* @li.wei', before: null, after: 4 },
        ],
      },
    ]);
  });

  it("compares each goal of an added check-in with that goal's latest confidence, and leaves out the goals it does not speak of", () => {
    // 15 November speaks of q4-share (4); 30 November of q4-share and q4-csat only. q4-csat was last given on
    // 15 November (5), q4-revenue is not in the new check-in: its 7 stands, and it is no change.
    const november30 = checkIn('2026-11-30', '  q4-share: {confidence: 6}\n  q4-csat: {confidence: 5}\n');
    const before = version({ 'checkins/2026-11-02.yaml': november2, 'checkins/2026-11-15.yaml': november15 });
    const after = version({ 'checkins/2026-11-02.yaml': november2, 'checkins/2026-11-15.yaml': november15, 'checkins/2026-11-30.yaml': november30 });
    expect(checkInChanges(before, after)).toEqual([
      {
        team: 'marketing',
        date: '2026-11-30',
        change: 'added',
        goals: 2,
        netConfidence: 0,
        confidence: [{ goal: 'q4-share', title: '市场份额 *10%* @li.wei', before: 4, after: 6 }],
      },
    ]);
  });

  it('gives nothing for a check-in that only moved, reordered its goals or gained a comment', () => {
    const moved = version({
      'checkins/2026-10-05.yaml': october5,
      'checkins/2026-10-20.yaml': october20,
      'checkins/marketing/2026-11-02.yaml': `# 十一月第一次汇报\n${checkIn('2026-11-02', '  q4-csat: {confidence: 4}\n  q4-revenue:\n    confidence: 6\n')}`,
    });
    expect(checkInChanges(base, moved)).toEqual([]);
  });

  it('lists no confidences for the first check-in of a team: there is nothing to compare with', () => {
    expect(checkInChanges(version({}), version({ 'checkins/2026-10-05.yaml': october5 }))).toEqual([
      { team: 'marketing', date: '2026-10-05', change: 'added', goals: 2, netConfidence: 0, confidence: [] },
    ]);
  });
});

describe('formatCheckInChanges', () => {
  const changes = checkInChanges(base, head);

  it('writes plain lines, leaving user text for the caller to escape for the terminal', () => {
    expect(formatCheckInChanges(changes, 'text')).toEqual([
      'marketing · check-in of 2026-10-05 removed (2 goals)',
      'marketing · check-in of 2026-11-02 edited: 2 goals, net confidence 0',
      '  - q4-csat “客户满意度不低于 4.5”: confidence 4 → 5',
      'marketing · check-in of 2026-11-15: 3 goals, net confidence +33',
      '  - q4-revenue “第四季度销售额达到 1200 万元”: confidence 6 → 7',
      '  - q4-share “市场份额 *10%* @li.wei”: confidence 4 (not in the previous check-in)',
    ]);
  });

  it('writes Markdown with ids as code and titles escaped, so a title neither emphasises nor mentions anyone', () => {
    expect(formatCheckInChanges(changes, 'md')).toEqual([
      '- `marketing` · check-in of 2026-10-05 removed (2 goals)',
      '- `marketing` · check-in of 2026-11-02 edited: 2 goals, net confidence 0',
      '  - `q4-csat` “客户满意度不低于 4.5”: confidence 4 → 5',
      '- `marketing` · check-in of 2026-11-15: 3 goals, net confidence +33',
      '  - `q4-revenue` “第四季度销售额达到 1200 万元”: confidence 6 → 7',
      '  - `q4-share` “市场份额 \\*10%\\* @\u200dli.wei”: confidence 4 (not in the previous check-in)',
    ]);
  });

  it('says when a goal leaves an edited check-in, writes a negative net confidence with its sign, and one goal as one', () => {
    const lines = formatCheckInChanges(
      [
        { team: 'marketing', date: '2026-11-02', change: 'changed', goals: 1, netConfidence: -100, confidence: [{ goal: 'q4-csat', title: '客户满意度', before: 4, after: null }] },
        { team: 'marketing', date: '2026-11-03', change: 'changed', goals: 2, netConfidence: null, confidence: [{ goal: 'q4-share', title: '市场份额', before: null, after: 2 }] },
      ],
      'text',
    );
    expect(lines).toEqual([
      'marketing · check-in of 2026-11-02 edited: 1 goal, net confidence -100',
      '  - q4-csat “客户满意度”: confidence removed (was 4)',
      'marketing · check-in of 2026-11-03 edited: 2 goals',
      '  - q4-share “市场份额”: confidence 2 (added)',
    ]);
  });
});
