import { diagnosticAt, type Diagnostic, type Span } from '../diagnostics/diagnostic.js';
import { combine, withinTolerance } from '../model/aggregate.js';
import { alignmentIndex, type PlacedGoal } from '../model/alignment.js';
import type { Aggregate } from '../model/kinds.js';
import { keySpanOf, spanOf, type Breakdown, type BreakdownItem, type Goal, type GoalsModel, type Kpi, type Settings } from '../model/model.js';
import { yearPartMonths, type Period, type YearPart } from '../model/period.js';
import { targetOverMonths, type PlannedTarget } from '../score/target-over-months.js';
import { formatNumber } from '../text/describe.js';
import { describeGap, describeMonths, formatFigure, formatShare, goalPath, listNames } from '../text/describe-plan.js';
import type { Check } from './check.js';

/**
 * A target that the goals aligned to a goal are compared with: the goal's
 * own, or an item of its breakdown by team, quarter or half.
 */
interface RolledUpTarget {
  planned: PlannedTarget;
  /** Whose goals are combined, as the message opens: "The goals aligned to company/FY2027/revenue". */
  subject: string;
  /** The target as the message names it: "its target", "its Q1 target", "the team's share". */
  label: string;
  /** The period the whole target is for, named when only some of its months are compared ("FY2027"); a quarter or half item names its own. */
  whole: string | undefined;
  /** Where to report, worked out only when there is something to report: a position may parse a whole document again. */
  span: () => Span;
  contributors: readonly PlacedGoal[];
}

/** One contributor as combined: its target over the months compared. */
interface Contribution {
  place: PlacedGoal;
  value: number;
  /** The months it shares with the target, when they are fewer than its own. */
  shared: readonly string[] | undefined;
}

const aggregateWords: Record<Aggregate, string> = { sum: 'sum', mean: 'mean', min: 'minimum', max: 'maximum', first: 'first value', last: 'last value' };

/**
 * The goals aligned to a goal with the same KPI (its contributors) combine
 * to its target, across teams and horizons: a company's annual revenue is
 * what its teams' quarters add up to. A goal broken down `by: team` is
 * compared team by team, and a team of it without a goal aligned to it is
 * reported; a goal broken down `by: quarter` or `by: half`, whose
 * contributors are goals of those very quarters or halves, part by part.
 * Contributors of a KPI that sums over time count over the months they share
 * with the target, each by its own plan over time, and the target over the
 * months they cover; of any other KPI, only those whose periods cover the
 * months compared count, by the KPI's aggregate. Derived KPIs are skipped:
 * a ratio is not the combination of ratios.
 */
export const rollups: Check = {
  name: 'rollups',
  codes: ['rollup-sum', 'rollup-mismatch', 'rollup-missing'],
  run(model) {
    return [...rollupFindings(model).values()].flat();
  },
};

/**
 * What the roll-up check finds, by the goal whose contributors do not add up
 * (or whose team lacks one): the diff tells a reviewer which goal a change
 * leaves out of step, the check reports every finding.
 */
export function rollupFindings(model: GoalsModel): Map<Goal, Diagnostic[]> {
  const findings = new Map<Goal, Diagnostic[]>();
  const severity = model.settings.rollups;
  if (severity === 'off') return findings;
  const alignment = alignmentIndex(model);
  for (const goalSet of model.goalSets) {
    for (const goal of goalSet.goals) {
      const contributors = alignment.contributorsOf(goal);
      const byTeam = goal.breakdowns.find((breakdown) => breakdown.by === 'team');
      if ((contributors.length === 0 && !byTeam) || !goalSet.period) continue;
      const diagnostics: Diagnostic[] = [];
      const parent = { goalSet, goal };
      const split: TeamSplit | undefined = byTeam && { breakdown: byTeam, teams: contributorsByTeam(contributors) };
      if (split) {
        for (const item of split.breakdown.items) {
          if (split.teams.has(item.key) || !model.teams.has(item.key)) continue;
          const share = item.target === undefined ? '' : `, so its share of ${formatNumber(item.target)} is not planned by the team`;
          const message = `Team "${item.key}" has no goal aligned to ${goalPath(parent)} with KPI "${goal.kpi ?? '?'}"${share}.`;
          diagnostics.push(diagnosticAt(keySpanOf(item.at), 'rollup-missing', message, severity));
        }
      }
      const kpi = goal.kpi === undefined ? undefined : model.kpis.get(goal.kpi);
      if (kpi?.aggregate && !kpi.formula) {
        for (const target of rolledUpTargets(parent, goalSet.period, contributors, split)) {
          const diagnostic = judge(kpi, target, model.settings);
          if (diagnostic) diagnostics.push(diagnostic);
        }
      }
      if (diagnostics.length > 0) findings.set(goal, diagnostics);
    }
  }
  return findings;
}

/** A goal's breakdown by team, with its contributors grouped by their team. */
interface TeamSplit {
  breakdown: Breakdown;
  teams: ReadonlyMap<string, readonly PlacedGoal[]>;
}

function contributorsByTeam(contributors: readonly PlacedGoal[]): Map<string, PlacedGoal[]> {
  const byTeam = new Map<string, PlacedGoal[]>();
  for (const contributor of contributors) {
    const team = contributor.goalSet.team ?? '';
    const list = byTeam.get(team);
    if (list) list.push(contributor);
    else byTeam.set(team, [contributor]);
  }
  return byTeam;
}

/** What a goal's contributors are compared with: the items of its breakdown by team, else of its quarters or halves, else its target. */
function rolledUpTargets(
  parent: PlacedGoal,
  period: Period,
  contributors: readonly PlacedGoal[],
  byTeam: TeamSplit | undefined,
): RolledUpTarget[] {
  const goal = parent.goal;
  const name = goalPath(parent);
  const whole: PlannedTarget | undefined = goal.target === undefined ? undefined : { target: goal.target, breakdowns: goal.breakdowns, period, months: period.months };
  const itemTarget = (item: BreakdownItem, months: readonly string[]): PlannedTarget | undefined =>
    item.target === undefined ? undefined : { target: item.target, breakdowns: item.breakdowns, period, months, ...(whole ? { partOf: whole } : {}) };
  const itemSpan = (item: BreakdownItem) => (): Span => spanOf(item.at, item.shorthand ? [] : ['target']);

  if (byTeam) {
    return byTeam.breakdown.items.flatMap((item) => {
      const planned = itemTarget(item, period.months);
      const ofTeam = byTeam.teams.get(item.key);
      if (!planned || !ofTeam) return [];
      return [{ planned, subject: `The goals of team ${item.key} aligned to ${name}`, label: "the team's share", whole: period.id, span: itemSpan(item), contributors: ofTeam }];
    });
  }

  const parts = partsWithContributors(goal.breakdowns, period, contributors);
  if (parts) {
    return parts.items.flatMap((item) => {
      const months = yearPartMonths(period, parts.by, item.key);
      const planned = months && itemTarget(item, months);
      const ofPart = months ? contributors.filter((contributor) => contributor.goalSet.period?.months.some((month) => months.includes(month))) : [];
      if (!months || !planned || ofPart.length === 0) return [];
      return [{ planned, subject: `The goals aligned to ${name} for ${item.key} (${describeMonths(months)})`, label: `its ${item.key} target`, whole: undefined, span: itemSpan(item), contributors: ofPart }];
    });
  }

  if (!whole) return [];
  return [{ planned: whole, subject: `The goals aligned to ${name}`, label: 'its target', whole: period.id, span: () => spanOf(goal.at, ['target']), contributors }];
}

/** The goal's breakdown by quarter or half when some contributor's period is exactly one of its parts. */
function partsWithContributors(
  breakdowns: readonly Breakdown[],
  period: Period,
  contributors: readonly PlacedGoal[],
): { by: YearPart; items: readonly BreakdownItem[] } | undefined {
  for (const breakdown of breakdowns) {
    const by = breakdown.by;
    if (by !== 'quarter' && by !== 'half') continue;
    const exact = breakdown.items.some((item) => {
      const months = yearPartMonths(period, by, item.key);
      return months !== undefined && contributors.some((contributor) => sameMonths(contributor.goalSet.period?.months, months));
    });
    if (exact) return { by, items: breakdown.items };
  }
  return undefined;
}

function sameMonths(a: readonly string[] | undefined, b: readonly string[]): boolean {
  return a !== undefined && a.length === b.length && a.every((month, i) => month === b[i]);
}

/** The contributors combined and compared with the target; a diagnostic when they differ by more than the tolerance. */
function judge(kpi: Kpi, target: RolledUpTarget, settings: Settings): Diagnostic | undefined {
  const aggregate = kpi.aggregate!;
  const sumsOverTime = aggregate === 'sum' && (kpi.overTime ?? aggregate) === 'sum';
  const combined = sumsOverTime ? overSharedMonths(target) : overCoveredParts(target, aggregate);
  if (!combined) return undefined;
  const { contributions, total, expected, months } = combined;
  if (withinTolerance(total, expected, settings.tolerance)) return undefined;

  const named = listNames(
    contributions.map(({ place, value, shared }) => {
      const partly = shared ? ` in ${describeMonths(shared)} of its ${formatFigure(place.goal.target!)}` : '';
      return `${goalPath(place)} ${formatFigure(value)}${partly}`;
    }),
  );
  const percent = expected === 0 ? '' : ` (${formatShare(Math.abs(total - expected), Math.abs(expected))})`;
  const gap = `${describeGap(total, expected)} ${target.label} of ${formatFigure(expected)}${percent}.`;
  const whole = `${target.label.charAt(0).toUpperCase()}${target.label.slice(1)} of ${formatFigure(target.planned.target)}${target.whole ? ` for ${target.whole}` : ''}`;
  const partly = months.length < target.planned.months.length ? ` ${whole} is counted over the months the goals cover, ${describeMonths(months)}.` : '';
  const message =
    aggregate === 'sum'
      ? `${target.subject} add up to ${formatFigure(total)} (${named}): ${gap}${partly}`
      : `${target.subject} combine to ${formatFigure(total)} by the ${aggregateWords[aggregate]} of KPI "${kpi.id}" (${named}): ${gap}${partly}`;
  return diagnosticAt(target.span(), aggregate === 'sum' ? 'rollup-sum' : 'rollup-mismatch', message, settings.rollups === 'error' ? 'error' : 'warning');
}

interface Combined {
  contributions: Contribution[];
  total: number;
  /** The target over the months the contributors cover. */
  expected: number;
  months: readonly string[];
}

/**
 * A KPI that sums over time: each contributor counts its target over the
 * months it shares with the target compared (by its own plan), and the
 * target counts over the months the contributors cover. Undefined when a
 * contributor has no target or period (the schema reports it) or none
 * shares a month.
 */
function overSharedMonths(target: RolledUpTarget): Combined | undefined {
  const compared = new Set(target.planned.months);
  const covered = new Set<string>();
  const contributions: Contribution[] = [];
  for (const place of target.contributors) {
    const { period } = place.goalSet;
    const value = place.goal.target;
    if (!period || value === undefined) return undefined;
    const shared = period.months.filter((month) => compared.has(month));
    if (shared.length === 0) continue;
    for (const month of shared) covered.add(month);
    const own: PlannedTarget = { target: value, breakdowns: place.goal.breakdowns, period, months: period.months };
    const partly = shared.length < period.months.length;
    contributions.push({ place, value: partly ? targetOverMonths(own, (month) => shared.includes(month)) : value, shared: partly ? shared : undefined });
  }
  if (contributions.length === 0) return undefined;
  const total = contributions.reduce((sum, contribution) => sum + contribution.value, 0);
  const months = target.planned.months.filter((month) => covered.has(month));
  const expected = months.length === target.planned.months.length ? target.planned.target : targetOverMonths(target.planned, (month) => covered.has(month));
  return { contributions, total, expected, months };
}

/** Any other KPI: the targets of the contributors whose periods cover every month compared, by the KPI's aggregate. */
function overCoveredParts(target: RolledUpTarget, aggregate: Aggregate): Combined | undefined {
  const contributions: Contribution[] = [];
  for (const place of target.contributors) {
    const { period } = place.goalSet;
    const value = place.goal.target;
    if (!period || value === undefined) return undefined;
    if (target.planned.months.every((month) => period.months.includes(month))) contributions.push({ place, value, shared: undefined });
  }
  const total = combine(
    aggregate,
    contributions.map((contribution) => contribution.value),
  );
  if (total === undefined) return undefined;
  return { contributions, total, expected: target.planned.target, months: target.planned.months };
}
