import { describe, expect, it } from 'vitest';
import { validateRepository } from '../../src/validate.js';
import { baseWith, positions, validateFixture } from '../helpers/fixtures.js';

describe('initiatives', () => {
  const diagnostics = validateFixture('checks/initiatives');

  it('reports a repeated id, a start after the due date, a due date outside the period and links that are not web addresses', () => {
    expect(positions(diagnostics)).toEqual([
      'duplicate-id 2026-Q4/marketing.yaml:20:13-20:22',
      'initiative-dates 2026-Q4/marketing.yaml:23:16-23:26',
      'invalid-link 2026-Q4/marketing.yaml:26:15-26:34',
      'due-outside-period 2026-Q4/marketing.yaml:30:14-30:24',
      'invalid-link 2026-Q4/marketing.yaml:32:15-32:31',
      'invalid-link 2026-Q4/marketing.yaml:45:15-45:38',
    ]);
  });

  it('says what is wrong in words a team lead reads', () => {
    expect(diagnostics.map((d) => d.message)).toEqual([
      'Initiative id "double-11" is already used on line 13 of this goal\'s initiatives.',
      'The initiative "double-11" starts on 2026-11-20, after it is due on 2026-11-15. Move the start to 2026-11-15 or earlier, or the due date later.',
      'The link "javascript:alert(1)" is a javascript address: an initiative links to an http or https address, such as https://wiki.example.com/double-11.',
      'The initiative "year-end" is due on 2027-01-10, outside the goal\'s period 2026-Q4 (2026-10 to 2026-12).',
      'The link "docs/year-end.md" is not a full web address: an initiative links to an http or https address, such as https://wiki.example.com/double-11.',
      'The link "file:///srv/survey.xlsx" is a file address: an initiative links to an http or https address, such as https://wiki.example.com/double-11.',
    ]);
    expect(diagnostics.find((d) => d.code === 'due-outside-period')!.severity).toBe('warning');
  });

  const withLink = (link: string): string[] => {
    const goalSet = `apiVersion: goalpost/v1
kind: GoalSet
team: marketing
period: 2026-Q4
goals:
  - id: q4-revenue
    title: 第四季度销售额达到 1200 万元
    kpi: revenue
    target: 12000000
    weight: 100
    owner: li.wei
    initiatives:
      - {id: brief, title: 活动简报, owner: li.wei, due: 2026-11-30, status: planned, link: ${JSON.stringify(link)}}
`;
    return validateRepository(baseWith({ '2026-Q4/marketing.yaml': goalSet })).diagnostics.map((d) => d.code);
  };

  it.each(['https://wiki.example.com/double-11', 'HTTP://Intranet/brief', 'https://例子.中国/计划?季度=Q4'])('accepts the web address %j', (link) => {
    expect(withLink(link)).toEqual([]);
  });

  it.each(['data:text/html,<script>alert(1)</script>', 'JavaScript:alert(1)', 'java\tscript:alert(1)', 'mailto:li.wei@example.com', '//example.com/brief', '/brief.md', ''])(
    'refuses %j',
    (link) => {
      expect(withLink(link)).toEqual(['invalid-link']);
    },
  );
});
