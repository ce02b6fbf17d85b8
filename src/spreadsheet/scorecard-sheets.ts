import type { Locale } from '../model/kinds.js';
import type { GoalsModel } from '../model/model.js';
import { labelsByLocale } from '../render/labels.js';
import type { Status } from '../score/rules.js';
import type { BreakdownScore, ScoreReport, TeamScore } from '../score/score.js';
import { createFormatter, type Formatter } from '../text/format.js';
import { actualsPeriodMonth } from '../model/period.js';
import { percentFormat, thousandsFormat, unitNumberFormat } from './number-formats.js';
import type { CellData, Colour, SheetData } from './sheet-data.js';
import { goalSetSheetName, uniqueSheetNames } from './sheet-name.js';

/** The workbook's words that the scorecards' labels do not have. */
const words: Record<Locale, { teamsSheet: string; actualsSheet: string; teamId: string; title: string; level: string; breakdown: string; item: string; progress: string; monthsCounted: string; months: string; forecastScore: string; netConfidence: string }> = {
  en: {
    teamsSheet: 'Teams',
    actualsSheet: 'Actuals',
    teamId: 'Team id',
    title: 'Title',
    level: 'Level',
    breakdown: 'Breakdown',
    item: 'Item',
    progress: 'Progress',
    monthsCounted: 'Months counted',
    months: 'Months',
    forecastScore: 'Forecast score',
    netConfidence: 'Net confidence',
  },
  'zh-CN': {
    teamsSheet: '团队',
    actualsSheet: '实际值',
    teamId: '团队 ID',
    title: '标题',
    level: '层级',
    breakdown: '分解维度',
    item: '分解项',
    progress: '完成进度',
    monthsCounted: '已计月数',
    months: '周期月数',
    forecastScore: '预测得分',
    netConfidence: '净信心指数',
  },
};

/** Status fills as Excel's own Good, Neutral and Bad cell styles colour them, so they read as a spreadsheet user expects. */
const statusColours: Record<Status, { background: Colour; font: Colour }> = {
  'on-track': { background: 'C6EFCE', font: '006100' },
  'at-risk': { background: 'FFEB9C', font: '9C5700' },
  'off-track': { background: 'FFC7CE', font: '9C0006' },
  'no-data': { background: 'EDEDED', font: '595959' },
};

const text = (value: string | null | undefined, indent?: number): CellData | null => (value === null || value === undefined || value === '' ? null : { text: value, ...(indent ? { indent } : {}) });
const number = (value: number | null, format: string): CellData | null => (value === null || !Number.isFinite(value) ? null : { number: value, format });

export interface ScorecardSheetsOptions {
  locale: Locale;
}

/**
 * The scorecards as sheets for directors who read results in a spreadsheet:
 * a sheet of the teams and their scores, a sheet per team and period with
 * its goals and their breakdown items (a level column, and items indented),
 * and a sheet of the actuals counted. Figures are real numbers with number
 * formats (attainment and progress as 0.0%, money with the currency's
 * symbol, counts with thousands separators); the status is a word with the
 * status's colour.
 */
export function scorecardSheets(report: ScoreReport, model: GoalsModel, options: ScorecardSheetsOptions): SheetData[] {
  const labels = labelsByLocale[options.locale];
  const own = words[options.locale];
  const formatter = createFormatter(options.locale, model.settings.currency, undefined, model.settings.fiscalYearStart);
  const names = uniqueSheetNames([own.teamsSheet, ...report.teams.map((team) => goalSetSheetName(team.team, team.period)), own.actualsSheet]);
  const teamSheets = report.teams.map((team, index) => teamSheet(names[index + 1]!, team, labels, own, formatter));
  return [teamsSheet(names[0]!, report, labels, own), ...teamSheets, actualsSheet(names.at(-1)!, report, model, formatter)];
}

type Labels = (typeof labelsByLocale)[Locale];
type Words = (typeof words)[Locale];

function teamsSheet(name: string, report: ScoreReport, labels: Labels, own: Words): SheetData {
  return {
    name,
    columns: [
      { header: labels.team, width: 18 },
      { header: own.teamId, width: 14 },
      { header: labels.period, width: 10 },
      { header: labels.asOf, width: 10 },
      { header: own.monthsCounted, width: 10 },
      { header: own.months, width: 8 },
      { header: labels.teamScore, width: 12 },
      { header: own.forecastScore, width: 12 },
      { header: own.netConfidence, width: 12 },
    ],
    rows: report.teams.map((team) => [
      text(team.name ?? team.team),
      text(team.team),
      text(team.period),
      text(report.asOf),
      number(team.elapsedMonths, thousandsFormat),
      number(team.months.length, thousandsFormat),
      number(team.score, percentFormat),
      number(team.forecastScore, percentFormat),
      number(team.netConfidence, '+0;-0;0'),
    ]),
  };
}

function teamSheet(name: string, team: TeamScore, labels: Labels, own: Words, formatter: Formatter): SheetData {
  const rows: (CellData | null)[][] = [];
  const status = (value: Status): CellData => ({ text: labels.statuses[value], fill: statusColours[value] });
  for (const goal of team.goals) {
    const amount = (value: number | null): CellData | null => (value === null ? null : number(value, unitNumberFormat(goal.unit, value, formatter)));
    rows.push([
      text(goal.id),
      text(goal.title),
      number(0, thousandsFormat),
      null,
      null,
      text(goal.kpiName ?? goal.kpi),
      text(goal.ownerName ?? goal.owner),
      amount(goal.target),
      amount(goal.actual),
      amount(goal.expected),
      amount(goal.forecast),
      number(goal.progress, percentFormat),
      number(goal.attainment, percentFormat),
      status(goal.status),
      number(goal.weight, 'General'),
      number(goal.score, percentFormat),
    ]);
    const items = (breakdown: readonly BreakdownScore[], level: number): void => {
      for (const item of breakdown) {
        rows.push([
          text(goal.id),
          null,
          number(level, thousandsFormat),
          text(labels.dimension(item.by)),
          text(item.key, level),
          text(goal.kpiName ?? goal.kpi),
          text(item.ownerName ?? item.owner),
          amount(item.target),
          amount(item.actual),
          amount(item.expected),
          amount(item.forecast),
          number(item.progress, percentFormat),
          number(item.attainment, percentFormat),
          status(item.status),
          null,
          null,
        ]);
        items(item.breakdown, level + 1);
      }
    };
    items(goal.breakdown, 1);
  }
  return {
    name,
    columns: [
      { header: labels.goal, width: 18 },
      { header: own.title, width: 36 },
      { header: own.level, width: 7 },
      { header: own.breakdown, width: 11 },
      { header: own.item, width: 14 },
      { header: labels.kpi, width: 16 },
      { header: labels.owner, width: 12 },
      { header: labels.target, width: 15 },
      { header: labels.actual, width: 15 },
      { header: labels.expected, width: 15 },
      { header: labels.forecast, width: 15 },
      { header: own.progress, width: 10 },
      { header: labels.attainment, width: 12 },
      { header: labels.status, width: 11 },
      { header: labels.weight, width: 8 },
      { header: labels.score, width: 10 },
    ],
    rows,
  };
}

/**
 * The actuals rows up to the as-of month, as the CSV files give them (same
 * column names), with the value in its KPI's format: what the scores were
 * computed from.
 */
function actualsSheet(name: string, report: ScoreReport, model: GoalsModel, formatter: Formatter): SheetData {
  const dimensions = [...new Set(model.actuals.flatMap((table) => table.dimensions))];
  const rows = model.actuals.flatMap((table) =>
    table.rows
      // A week or a day counts in its month, as scoring counts it.
      .filter((row) => report.asOf !== null && (actualsPeriodMonth(row.period) ?? row.period) <= report.asOf)
      .map((row) => {
        const unit = model.kpis.get(row.kpi)?.unit ?? null;
        return [
          text(row.period),
          text(row.team),
          text(row.kpi),
          ...dimensions.map((dimension) => text(row.dimensions.get(dimension))),
          row.value === undefined ? null : number(row.value, unitNumberFormat(unit, row.value, formatter)),
        ];
      }),
  );
  return {
    name,
    columns: [
      { header: 'period', width: 10 },
      { header: 'team', width: 14 },
      { header: 'kpi', width: 18 },
      ...dimensions.map((dimension) => ({ header: dimension, width: 12 })),
      { header: 'value', width: 15 },
    ],
    rows,
  };
}
