import type { BreakdownScore, ScoreReport } from '../score/score.js';

const statusMark: Record<string, string> = { 'on-track': '✓', 'at-risk': '!', 'off-track': '✗', 'no-data': '·' };

function number(value: number | null): string {
  return value === null ? '—' : value.toLocaleString('en-US', { maximumFractionDigits: 4 });
}

function percent(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toLocaleString('en-US', { maximumFractionDigits: 1 })}%`;
}

/** A plain-text summary of the scores, for a terminal. */
export function formatScoreText(report: ScoreReport): string {
  const lines: string[] = [`As of ${report.asOf ?? '(no actuals)'}`];
  for (const team of report.teams) {
    lines.push('', `${team.team}${team.name ? ` ${team.name}` : ''} ${team.period}: score ${percent(team.score)} (${team.elapsedMonths} of ${team.months.length} months)`);
    for (const goal of team.goals) {
      lines.push(
        `  ${statusMark[goal.status]} ${goal.id} ${goal.title} [${goal.status}] actual ${number(goal.actual)} / target ${number(goal.target)}, attainment ${percent(goal.attainment)}, expected ${number(goal.expected)}, forecast ${number(goal.forecast)}, weight ${goal.weight}, score ${percent(goal.score)}`,
      );
      const items = (breakdown: readonly BreakdownScore[], indent: string): void => {
        for (const item of breakdown) {
          lines.push(
            `${indent}${statusMark[item.status]} ${item.by} ${item.key} [${item.status}] actual ${number(item.actual)} / target ${number(item.target)}, attainment ${percent(item.attainment)}, expected ${number(item.expected)}`,
          );
          items(item.breakdown, `${indent}  `);
        }
      };
      items(goal.breakdown, '      ');
    }
  }
  return `${lines.join('\n')}\n`;
}
