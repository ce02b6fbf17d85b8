import { describe, expect, it } from 'vitest';
import type { GoalsDiff } from '../../src/diff/diff.js';
import { formatDiff } from '../../src/diff/format-diff.js';
import { escapeMarkdown } from '../../src/render/escape.js';
import { baseWith } from '../helpers/fixtures.js';
import { renderFiles } from './render-helpers.js';

const hostileGoalSet = `apiVersion: goalpost/v1
kind: GoalSet
team: marketing
period: 2026-Q4
goals:
  - id: q4-revenue
    title: <script>alert(1)</script>
    kpi: revenue
    target: 12000000
    weight: 60
    owner: li.wei
    notes: "[click](javascript:alert(1))"
  - id: q4-csat
    title: '"><img src=x onerror=alert(1)> | **bold** [link](javascript:alert(1))'
    kpi: csat
    target: 4.5
    weight: 40
    owner: wang.fang
`;
const hostileTeam = `apiVersion: goalpost/v1
kind: Team
id: marketing
name: "<b>Team</b>"
lead: li.wei
members:
  li.wei: {name: "<iframe src=javascript:alert(1)>"}
  zhang.min: {name: 张敏}
  wang.fang: {name: 王芳}
`;

describe('user text in scorecards', () => {
  it('renders as text in HTML: no element, attribute or javascript: link comes from a goal file', async () => {
    const files = await renderFiles(baseWith({ '2026-Q4/marketing.yaml': hostileGoalSet, 'teams/marketing.yaml': hostileTeam }), { formats: ['html'] });
    const team = files.get('teams/marketing-2026-Q4.html')!;
    expect(team).toContain('<span class="goal-title">&lt;script&gt;alert(1)&lt;/script&gt;</span>');
    expect(team).toContain('&quot;&gt;&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    expect(team).toContain('<div class="meta notes">[click](javascript:alert(1))</div>');
    for (const html of files.values()) {
      expect(html).not.toMatch(/<script|<img|<iframe|<b>|href="javascript:/i);
      // No script may run at all: the policy names none, so default-src 'none' applies.
      expect(html).toContain(`content="default-src 'none'; style-src 'sha256-`);
      expect(html).not.toContain('script-src');
    }
  });

  it('is escaped in Markdown so it cannot break a table or inject HTML', async () => {
    const files = await renderFiles(baseWith({ '2026-Q4/marketing.yaml': hostileGoalSet, 'teams/marketing.yaml': hostileTeam }), { formats: ['md'] });
    const team = files.get('teams/marketing-2026-Q4.md')!;
    expect(team).not.toMatch(/<script|<img|<iframe|<b>/i);
    expect(team).toContain('**&#60;script&#62;alert(1)&#60;/script&#62;**');
    expect(team).toContain('\\| \\*\\*bold\\*\\* \\[link\\]');
    expect(team).toContain('<br>\\[click\\](javascript:alert(1))');
    expect(escapeMarkdown('a|b\nc_d')).toBe('a\\|b c\\_d');
  });
});

describe('units written by the user', () => {
  it('are escaped wherever a scorecard shows a number with its unit', async () => {
    const kpis = (unit: string) =>
      `apiVersion: goalpost/v1\nkind: KpiCatalog\nkpis:\n  revenue: {name: 销售额, unit: '${unit}', direction: increase, aggregate: sum}\n  csat: {name: 满意度, unit: score, direction: increase, aggregate: mean}\n`;
    const files = await renderFiles(baseWith({ 'kpis.yaml': kpis('<img src=x>|*') }), { formats: ['md', 'html'] });
    const md = files.get('teams/marketing-2026-Q4.md')!;
    const html = files.get('teams/marketing-2026-Q4.html')!;
    expect(md).not.toContain('<img');
    expect(md).toContain('&#60;img src&#61;x&#62;\\|\\*');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src&#x3D;x&gt;|*');
  });

  it('are escaped in the Markdown of a diff, as posted on a pull request', () => {
    const diff: GoalsDiff = {
      asOf: null,
      kpis: [],
      people: {},
      goalSets: [
        {
          team: 'marketing',
          name: null,
          period: '2026-Q4',
          change: 'changed',
          weightTotal: null,
          score: null,
          goals: [
            {
              id: 'q4-revenue',
              title: '销售额',
              change: 'changed',
              renamedFrom: null,
              unit: '<img src=x>',
              summary: { kpi: 'revenue', unit: '<img src=x>', target: 20, weight: 100, owner: 'li.wei' },
              fields: [{ field: 'target', before: 10, after: 20, delta: 10, percent: 1 }],
              breakdown: [],
              effect: null,
            },
          ],
        },
      ],
    };
    const md = formatDiff(diff, 'md');
    expect(md).not.toContain('<img');
    expect(md).toContain('Target raised from 10 &#60;img src&#61;x&#62; to 20 &#60;img src&#61;x&#62; (+10 &#60;img src&#61;x&#62;, +100%)');
  });
});
