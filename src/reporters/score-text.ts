import { labelsByLocale } from '../render/labels.js';
import { scoreWords } from '../render/score-words.js';
import type { BreakdownScore, ScoreReport } from '../score/score.js';
import { createFormatter } from '../text/format.js';
import { escapeTerminal } from '../text/terminal.js';

const statusMark: Record<string, string> = { 'on-track': '✓', 'at-risk': '!', 'off-track': '✗', 'no-data': '·' };

export interface ScoreTextOptions {
  /** The currency of amounts whose unit is `currency` (the settings' one). */
  currency: string;
  /** The first month of the fiscal year (the settings' one), to name FY periods. */
  fiscalYearStart?: number;
}

/**
 * A plain-text summary of the scores, for a terminal: the same figures,
 * rounded the same way, as the scorecards. Ids, titles, names, breakdown keys
 * and units are the files' own text, so each line is escaped for the
 * terminal once it is written.
 */
export function formatScoreText(report: ScoreReport, options: ScoreTextOptions): string {
  const format = createFormatter('en', options.currency, '—', options.fiscalYearStart);
  const labels = labelsByLocale.en;
  const words = scoreWords(labels, format);
  const lines: string[] = [`As of ${report.asOf === null ? '(no actuals)' : format.month(report.asOf)}`];
  for (const team of report.teams) {
    lines.push(
      '',
      `${team.team}${team.name ? ` ${team.name}` : ''} · ${format.period(team.period)} (${labels.monthsElapsed(team.elapsedMonths, team.months.length)}): score ${format.percent(team.score)}`,
    );
    for (const goal of team.goals) {
      const progress = words.progress(goal, goal);
      const note = words.forecastNote(goal, team);
      const forecast = goal.forecast === null ? '' : `, forecast ${format.value(goal.forecast, goal.unit)}${note === null ? '' : ` (${note})`}`;
      lines.push(
        `  ${statusMark[goal.status]} ${goal.id} ${goal.title} [${goal.status}] actual ${format.value(goal.actual, goal.unit)} / target ${format.value(goal.target, goal.unit)}${progress === null ? '' : ` (${progress})`}, expected ${format.value(goal.expected, goal.unit)}, attainment ${words.attainment(goal, goal.comparison)}${forecast}, weight ${format.plain(goal.weight)}, points ${format.points(goal.score)}`,
      );
      const items = (breakdown: readonly BreakdownScore[], indent: string): void => {
        for (const item of breakdown) {
          const itemProgress = words.progress(item, goal);
          lines.push(
            `${indent}${statusMark[item.status]} ${item.by} ${item.key} [${item.status}] actual ${format.value(item.actual, goal.unit)} / target ${format.value(item.counted?.target ?? item.target, goal.unit)}${item.counted === null ? '' : ` (${labels.countedShare(format.monthRange(item.counted.months[0]!, item.counted.months.at(-1)!), format.value(item.target, goal.unit))})`}${itemProgress === null ? '' : ` (${itemProgress})`}, expected ${format.value(item.expected, goal.unit)}, attainment ${words.attainment(item, goal.comparison)}`,
          );
          items(item.breakdown, `${indent}  `);
        }
      };
      items(goal.breakdown, '      ');
    }
  }
  return `${lines.map(escapeTerminal).join('\n')}\n`;
}
