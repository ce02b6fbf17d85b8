import { diagnosticAt, type Diagnostic, type Span } from '../diagnostics/diagnostic.js';
import { keySpanOf, spanOf } from '../model/model.js';
import type { Check } from './check.js';

function where(span: Span): string {
  return `${span.source.path}:${span.source.position(span.start).line}`;
}

/** KPIs, teams, goals within a goal set, goal sets per team and period, and settings are each defined once. */
export const uniqueIds: Check = {
  name: 'unique-ids',
  codes: ['duplicate-id', 'duplicate-goal-set', 'duplicate-settings'],
  run(model) {
    const diagnostics: Diagnostic[] = [];

    const firstKpi = new Map<string, Span>();
    for (const kpi of model.definitions.kpis) {
      const span = keySpanOf(kpi.at);
      const first = firstKpi.get(kpi.id);
      if (first) diagnostics.push(diagnosticAt(span, 'duplicate-id', `KPI "${kpi.id}" is already defined at ${where(first)}.`));
      else firstKpi.set(kpi.id, span);
    }

    const firstTeam = new Map<string, Span>();
    for (const team of model.definitions.teams) {
      const span = spanOf(team.at, ['id']);
      const first = firstTeam.get(team.id);
      if (first) diagnostics.push(diagnosticAt(span, 'duplicate-id', `Team "${team.id}" is already defined at ${where(first)}.`));
      else firstTeam.set(team.id, span);
    }

    const firstGoalSet = new Map<string, Span>();
    for (const goalSet of model.goalSets) {
      if (goalSet.team !== undefined && goalSet.period) {
        const key = `${goalSet.team}\u0000${goalSet.period.id}`;
        const span = spanOf(goalSet.at, ['period']);
        const first = firstGoalSet.get(key);
        if (first) {
          diagnostics.push(
            diagnosticAt(
              span,
              'duplicate-goal-set',
              `Team "${goalSet.team}" already has a goal set for ${goalSet.period.id} at ${where(first)}. Keep one goal set per team and period.`,
            ),
          );
        } else {
          firstGoalSet.set(key, span);
        }
      }
      const firstGoal = new Map<string, Span>();
      for (const goal of goalSet.goals) {
        if (goal.id === undefined) continue;
        const span = spanOf(goal.at, ['id']);
        const first = firstGoal.get(goal.id);
        if (first) {
          diagnostics.push(
            diagnosticAt(span, 'duplicate-id', `Goal id "${goal.id}" is already used on line ${first.source.position(first.start).line} of this goal set.`),
          );
        } else {
          firstGoal.set(goal.id, span);
        }
      }
    }

    const [firstSettings, ...otherSettings] = model.definitions.settings;
    for (const settings of otherSettings) {
      diagnostics.push(
        diagnosticAt(
          spanOf(settings, ['kind']),
          'duplicate-settings',
          `Settings are already defined at ${where(spanOf(firstSettings!, ['kind']))}; only the first Settings file is used.`,
        ),
      );
    }
    return diagnostics;
  },
};
