import { diagnosticAt, type Diagnostic, type Span } from '../diagnostics/diagnostic.js';
import { keySpanOf, spanOf, type Located } from '../model/model.js';
import type { Check } from './check.js';

function where(span: Span): string {
  return `${span.source.path}:${span.source.position(span.start).line}`;
}

/** The line of an `id`, to point from a duplicate to the first in the same file. */
function idLine(at: Located): number {
  return at.doc.source.position(spanOf(at, ['id']).start).line;
}

/**
 * Reports every definition after the first of the same key. Positions are
 * worked out only for the duplicates (working them out is the costly part of
 * loading, and most repositories have none).
 */
function duplicates<T>(items: Iterable<T>, key: (item: T) => string | undefined, report: (item: T, first: T) => void): void {
  const firsts = new Map<string, T>();
  for (const item of items) {
    const id = key(item);
    if (id === undefined) continue;
    const first = firsts.get(id);
    if (first === undefined) firsts.set(id, item);
    else report(item, first);
  }
}

/**
 * KPIs, teams, goals within a goal set, initiatives within a goal, goal sets
 * per team and period, and settings are each defined once.
 */
export const uniqueIds: Check = {
  name: 'unique-ids',
  codes: ['duplicate-id', 'duplicate-goal-set', 'duplicate-settings'],
  run(model) {
    const diagnostics: Diagnostic[] = [];

    duplicates(model.definitions.kpis, (kpi) => kpi.id, (kpi, first) => {
      diagnostics.push(diagnosticAt(keySpanOf(kpi.at), 'duplicate-id', `KPI "${kpi.id}" is already defined at ${where(keySpanOf(first.at))}.`));
    });

    duplicates(model.definitions.teams, (team) => team.id, (team, first) => {
      diagnostics.push(diagnosticAt(spanOf(team.at, ['id']), 'duplicate-id', `Team "${team.id}" is already defined at ${where(spanOf(first.at, ['id']))}.`));
    });

    duplicates(
      model.goalSets,
      (goalSet) => (goalSet.team !== undefined && goalSet.period ? `${goalSet.team}\u0000${goalSet.period.id}` : undefined),
      (goalSet, first) => {
        diagnostics.push(
          diagnosticAt(
            spanOf(goalSet.at, ['period']),
            'duplicate-goal-set',
            `Team "${goalSet.team}" already has a goal set for ${goalSet.period!.id} at ${where(spanOf(first.at, ['period']))}. Keep one goal set per team and period.`,
          ),
        );
      },
    );

    for (const goalSet of model.goalSets) {
      duplicates(goalSet.goals, (goal) => goal.id, (goal, first) => {
        diagnostics.push(diagnosticAt(spanOf(goal.at, ['id']), 'duplicate-id', `Goal id "${goal.id}" is already used on line ${idLine(first.at)} of this goal set.`));
      });
      for (const goal of goalSet.goals) {
        duplicates(goal.initiatives, (initiative) => initiative.id, (initiative, first) => {
          diagnostics.push(
            diagnosticAt(spanOf(initiative.at, ['id']), 'duplicate-id', `Initiative id "${initiative.id}" is already used on line ${idLine(first.at)} of this goal's initiatives.`),
          );
        });
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

