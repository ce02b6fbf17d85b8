import type { BreakdownScore, ScoreReport } from '../score/score.js';
import { sheetText } from '../spreadsheet/cell-text.js';

/**
 * A cell for a spreadsheet. Text that starts with = + - @ (or a tab or
 * carriage return) would run as a formula in Excel or Google Sheets, so it
 * is prefixed with an apostrophe; numbers are written as numbers.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  // A spreadsheet opens the CSV: text is guarded as in every spreadsheet cell goalpost writes.
  const safe = sheetText(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const header = [
  'team', 'period', 'goal', 'title', 'level', 'by', 'key', 'kpi', 'unit', 'owner',
  'target', 'actual', 'progress', 'attainment', 'expected', 'forecast', 'forecastAttainment', 'met', 'status', 'weight', 'score',
];

function met(value: boolean | null): string | null {
  return value === null ? null : String(value);
}

/** The scores as CSV for spreadsheets: one row per goal and per breakdown item, ratios as fractions. */
export function formatScoreCsv(report: ScoreReport): string {
  const rows: (string | number | null)[][] = [header];
  for (const team of report.teams) {
    for (const goal of team.goals) {
      rows.push([
        team.team, team.period, goal.id, goal.title, 'goal', null, null, goal.kpi, goal.unit, goal.owner,
        goal.target, goal.actual, goal.progress, goal.attainment, goal.expected, goal.forecast, goal.forecastAttainment, met(goal.met), goal.status, goal.weight, goal.score,
      ]);
      const items = (breakdown: readonly BreakdownScore[], level: number): void => {
        for (const item of breakdown) {
          rows.push([
            team.team, team.period, goal.id, goal.title, `item ${level}`, item.by, item.key, goal.kpi, goal.unit, item.owner,
            item.target, item.actual, item.progress, item.attainment, item.expected, item.forecast, null, met(item.met), item.status, null, null,
          ]);
          items(item.breakdown, level + 1);
        }
      };
      items(goal.breakdown, 1);
    }
  }
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
