import type { Breakdown, Goal, GoalSet, GoalsModel } from '../model/model.js';
import { createFormatter, type Formatter } from '../text/format.js';
import { unitNumberFormat } from './number-formats.js';
import { breakdownHeader, goalColumns, numberColumns, requiredColumns, type GoalColumn } from './planning-layout.js';
import type { CellData, SheetData } from './sheet-data.js';
import { goalSetSheetName, uniqueSheetNames } from './sheet-name.js';

/** What a goal set holds that its sheet has no place for, in words for the person who exports it. */
export interface LeftOut {
  sheet: string;
  what: string[];
}

const widths: Record<GoalColumn, number> = {
  id: 18,
  title: 36,
  kpi: 16,
  target: 14,
  weight: 8,
  owner: 14,
  comparison: 12,
  baseline: 12,
  alignsTo: 20,
  due: 12,
  contributors: 16,
  notes: 40,
};

/** The goal sets in the order of their sheets: by team, then by period. */
function inSheetOrder(goalSets: readonly GoalSet[]): GoalSet[] {
  const text = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return goalSets
    .filter((goalSet) => goalSet.team !== undefined && goalSet.period !== undefined)
    .sort((a, b) => text(a.team!, b.team!) || text(a.period!.months[0]!, b.period!.months[0]!) || a.period!.months.length - b.period!.months.length);
}

/** The first breakdown of each dimension of a goal: a row has one column per dimension and key. */
function breakdownsByDimension(goal: Goal): Breakdown[] {
  const first = new Map<string, Breakdown>();
  for (const breakdown of goal.breakdowns) if (breakdown.by !== undefined && !first.has(breakdown.by)) first.set(breakdown.by, breakdown);
  return [...first.values()];
}

/**
 * The planning sheets of a repository: a sheet per goal set, named
 * `marketing 2026-Q4`, in the layout `import` reads, so that importing a
 * sheet gives back the goal set's goals, targets, weights, owners and
 * breakdowns. A column that no goal of the set uses is left out, except the
 * ones every goal has.
 */
export function planSheets(model: GoalsModel): { sheets: SheetData[]; leftOut: LeftOut[] } {
  const goalSets = inSheetOrder(model.goalSets);
  const names = uniqueSheetNames(goalSets.map((goalSet) => goalSetSheetName(goalSet.team!, goalSet.period!.id)));
  const formatter = createFormatter(model.settings.locale, model.settings.currency, undefined, model.settings.fiscalYearStart);
  const sheets: SheetData[] = [];
  const leftOut: LeftOut[] = [];
  goalSets.forEach((goalSet, index) => {
    const name = names[index]!;
    sheets.push(planSheet(name, goalSet, model, formatter));
    const what = leftOutOf(goalSet);
    if (what.length > 0) leftOut.push({ sheet: name, what });
  });
  return { sheets, leftOut };
}

function planSheet(name: string, goalSet: GoalSet, model: GoalsModel, formatter: Formatter): SheetData {
  const used = goalColumns.filter(
    (column) =>
      (requiredColumns as readonly GoalColumn[]).includes(column) ||
      goalSet.goals.some((goal) => (column === 'contributors' ? goal.contributors.length > 0 : goal[column] !== undefined)),
  );
  // Breakdown columns in the order they first appear: by dimension, then by key.
  const keysByDimension = new Map<string, string[]>();
  for (const goal of goalSet.goals) {
    for (const breakdown of breakdownsByDimension(goal)) {
      const keys = keysByDimension.get(breakdown.by!) ?? [];
      for (const item of breakdown.items) if (!keys.includes(item.key)) keys.push(item.key);
      keysByDimension.set(breakdown.by!, keys);
    }
  }
  const itemColumns = [...keysByDimension].flatMap(([by, keys]) => keys.map((key) => ({ by, key })));
  const columns = [
    ...used.map((column) => ({ header: column, width: widths[column] })),
    ...itemColumns.map(({ by, key }) => ({ header: breakdownHeader(by, key), width: Math.max(12, breakdownHeader(by, key).length + 2) })),
  ];
  const rows = goalSet.goals.map((goal) => {
    const unit = goal.kpi === undefined ? null : (model.kpis.get(goal.kpi)?.unit ?? null);
    const number = (value: number | undefined, column: GoalColumn | 'item'): CellData | null =>
      value === undefined ? null : { number: value, format: column === 'weight' ? 'General' : unitNumberFormat(unit, value, formatter) };
    const goalCells = used.map((column): CellData | null => {
      if (column === 'contributors') return goal.contributors.length > 0 ? { text: goal.contributors.join(', ') } : null;
      const value = goal[column];
      if (value === undefined) return null;
      return numberColumns.has(column) ? number(value as number, column) : { text: String(value) };
    });
    const items = new Map(breakdownsByDimension(goal).flatMap((breakdown) => breakdown.items.map((item) => [breakdownHeader(breakdown.by!, item.key), item.target] as const)));
    return [...goalCells, ...itemColumns.map(({ by, key }) => number(items.get(breakdownHeader(by, key)), 'item'))];
  });
  return { name, columns, rows };
}

/** What a goal set holds beyond what its sheet's columns can: kept in the YAML files only. */
function leftOutOf(goalSet: GoalSet): string[] {
  const what: string[] = [];
  if (goalSet.title !== undefined) what.push('the goal set title');
  if (goalSet.closed) what.push('closing');
  if (goalSet.reopened) what.push('reopening');
  if (goalSet.review) what.push('review');
  const goalsWith = (label: string, test: (goal: Goal) => boolean): void => {
    const ids = goalSet.goals.filter(test).map((goal) => goal.id ?? '?');
    if (ids.length > 0) what.push(`${label} (${ids.join(', ')})`);
  };
  goalsWith('work plans', (goal) => goal.initiatives.length > 0);
  goalsWith('final results', (goal) => goal.final !== undefined);
  goalsWith('thresholds', (goal) => goal.thresholds !== undefined);
  goalsWith('challenge: false', (goal) => goal.challenge === false);
  goalsWith('owners or further splits of breakdown items', (goal) => goal.breakdowns.some((breakdown) => breakdown.items.some((item) => item.owner !== undefined || item.breakdowns.length > 0)));
  goalsWith('a second breakdown by the same dimension', (goal) => breakdownsByDimension(goal).length < goal.breakdowns.length);
  return what;
}
