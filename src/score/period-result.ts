import type { ActualsIndex } from '../model/actuals-index.js';
import type { GoalsModel, Kpi } from '../model/model.js';
import type { Period } from '../model/period.js';
import { kpiValue, teamRows, type ValueScope } from './kpi-value.js';

const teamTotal: ReadonlyMap<string, string> = new Map();

/**
 * What a team achieved on a KPI over a whole earlier period, as a goal of
 * that period is scored (a total, a final stock, a mean score, a ratio of
 * totals), when it reported the KPI in every month of it: a period with
 * months missing is no result to compare a plan with. Undefined otherwise.
 */
export function periodResult(model: GoalsModel, index: ActualsIndex, kpi: Kpi, team: string, period: Period): number | undefined {
  const scope: ValueScope = { source: teamRows(team), months: period.months, filter: teamTotal };
  if (!period.months.every((month) => kpiValue(model, index, kpi, { ...scope, months: [month] }) !== undefined)) return undefined;
  return kpiValue(model, index, kpi, scope);
}
